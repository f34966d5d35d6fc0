/**
 * Stable failure type names. Permanent failures are thrown as
 * `ApplicationFailure.nonRetryable(message, FAILURE_TYPES.X)`; callers match on these strings,
 * never on class names.
 */
export const FAILURE_TYPES = {
  /** The provider does not know the symbol (e.g. an HTTP 404 or an empty "no data" answer). */
  unknownSymbol: 'UnknownSymbol',
  /** The provider refused the request permanently (a 4xx other than 429). */
  providerRejected: 'ProviderRejected',
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
} as const;

export type FailureType = (typeof FAILURE_TYPES)[keyof typeof FAILURE_TYPES];

export const NON_RETRYABLE_FAILURES: FailureType[] = Object.values(FAILURE_TYPES);

/**
 * Failure messages and details are cut to this size: Temporal refuses payloads over its limit, and a failure it
 * cannot record turns into a misleading timeout. The full text goes to the log.
 */
export const MAX_FAILURE_MESSAGE_BYTES = 4096;

/**
 * `text` cut to at most `maxBytes` bytes of UTF-8 (never inside a character), with a note of how much was cut.
 * Pure, so workflows can use it too.
 */
export function truncateText(text: string, maxBytes = MAX_FAILURE_MESSAGE_BYTES): string {
  if (text.length * 3 <= maxBytes || utf8Length(text) <= maxBytes) return text;
  const note = (cut: number) => ` … [${cut} more characters]`;
  const budget = maxBytes - utf8Length(note(text.length));
  let end = 0;
  let bytes = 0;
  while (end < text.length) {
    const code = text.codePointAt(end) as number;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (bytes + size > budget) break;
    bytes += size;
    end += code >= 0x10000 ? 2 : 1;
  }
  return text.slice(0, end) + note(text.length - end);
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
