/**
 * Stable failure type names. Permanent failures are thrown as
 * `ApplicationFailure.nonRetryable(message, FAILURE_TYPES.X)`; callers match on these strings,
 * never on class names.
 */
export const FAILURE_TYPES = {
  /** The provider does not know the symbol (e.g. an HTTP 404 or an empty "no data" answer). */
  unknownSymbol: 'UnknownSymbol',
  /** FRED does not know the series id (HTTP 400 "The series does not exist."). */
  unknownSeries: 'UnknownSeries',
  /** The provider refused the request permanently (a 4xx other than 429). */
  providerRejected: 'ProviderRejected',
  /** The etl worker lacks a setting the provider needs, e.g. its API key: the message names the variable. */
  providerNotConfigured: 'ProviderNotConfigured',
  /** The input file's header matches no supported layout. */
  unknownLayout: 'UnknownLayout',
  /** The input path does not exist, is not readable, or holds no CSV files. */
  invalidInput: 'InvalidInput',
  /** A staged or raw object's content no longer matches its recorded sha256. */
  checksumMismatch: 'ChecksumMismatch',
  /** The file is not UTF-8 text with CSV records (binary, UTF-16, NUL bytes in the header). */
  malformedCsv: 'MalformedCsv',
  /** A file without a symbol column whose name gives no valid symbol (and the request named none). */
  invalidSymbol: 'InvalidSymbol',
  /** The path is neither a regular file nor a folder (a FIFO, a socket, a device). */
  notARegularFile: 'NotARegularFile',
  /** A line is longer than MAX_LINE_BYTES: refused while streaming, so memory stays bounded on any file. */
  lineTooLong: 'LineTooLong',
  /**
   * `source: "auto"`: every provider of PRICE_PROVIDER_ORDER failed the symbol, for different reasons (the message
   * names each); when they all failed alike, that one type is used instead.
   */
  everyProviderFailed: 'EveryProviderFailed',
} as const;

export type FailureType = (typeof FAILURE_TYPES)[keyof typeof FAILURE_TYPES];

export const NON_RETRYABLE_FAILURES: FailureType[] = Object.values(FAILURE_TYPES);
