import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { parseRetryAfter } from './retry-after';

/**
 * A transient provider problem (throttling, 5xx, network, timeout). Deliberately not in `FAILURE_TYPES`, whose
 * members are all non-retryable: this one is meant to be retried by the activity's retry policy.
 */
export const PROVIDER_UNAVAILABLE = 'ProviderUnavailable';

/** The headers Stooq sends; some instruments (currencies, some indices) have no volume column. */
const STOOQ_HEADERS = ['Date,Open,High,Low,Close,Volume', 'Date,Open,High,Low,Close'];

/** Stooq answers 200 with this body for an unknown symbol (and for a range with no rows); stooq.pl in Polish. */
const NO_DATA_BODIES = ['no data', 'brak danych'];

const BODY_EXCERPT_CHARS = 80;

export interface StooqHttpResponse {
  status: number;
  retryAfter: string | null;
  body: Buffer;
}

/** Why a response cannot be archived as this symbol's prices, or undefined when it can. */
export function stooqResponseFailure(
  symbol: string,
  response: StooqHttpResponse,
  now = new Date(),
): ApplicationFailure | undefined {
  const { status } = response;
  if (status === 404 || (status === 200 && isNoData(response.body))) {
    return ApplicationFailure.nonRetryable(`Stooq has no data for symbol ${symbol}`, FAILURE_TYPES.unknownSymbol, {
      symbol,
    });
  }
  if (status === 408 || status === 429 || status >= 500) {
    return unavailable(`Stooq answered HTTP ${status} for ${symbol}`, parseRetryAfter(response.retryAfter, now));
  }
  if (status >= 400) {
    return ApplicationFailure.nonRetryable(
      `Stooq rejected the request for ${symbol} with HTTP ${status}`,
      FAILURE_TYPES.providerRejected,
      { symbol, status },
    );
  }
  if (status !== 200) {
    // fetch follows redirects, so anything else here (204, 3xx without Location, …) is not a CSV download.
    return unavailable(`Stooq answered HTTP ${status} for ${symbol}`, undefined);
  }
  if (!STOOQ_HEADERS.includes(firstLine(response.body))) {
    return ApplicationFailure.nonRetryable(
      `Stooq answered ${symbol} with something other than its CSV: ${JSON.stringify(excerpt(response.body))}`,
      FAILURE_TYPES.providerRejected,
      { symbol },
    );
  }
  return undefined;
}

/** A request that never got an answer: network error or per-request timeout. Cancellation is not handled here. */
export function stooqFetchFailure(symbol: string, error: unknown): ApplicationFailure {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return ApplicationFailure.create({
    message: `Stooq request for ${symbol} failed: ${reason}`,
    type: PROVIDER_UNAVAILABLE,
    cause: error instanceof Error ? error : undefined,
  });
}

function unavailable(message: string, nextRetryDelay: number | undefined): ApplicationFailure {
  // `Retry-After: 0` is no hint at all, and Temporal does not retry a failure whose next delay is zero.
  return nextRetryDelay === undefined || nextRetryDelay <= 0
    ? ApplicationFailure.retryable(message, PROVIDER_UNAVAILABLE)
    : ApplicationFailure.create({ message, type: PROVIDER_UNAVAILABLE, nextRetryDelay });
}

// Only the head of the body is decoded: a full history can be megabytes and the verdict depends on its start.
const head = (body: Buffer): string =>
  body
    .subarray(0, 256)
    .toString('utf8')
    .replace(/^\uFEFF/, '');

const firstLine = (body: Buffer): string => head(body).split('\n', 1)[0].trimEnd();

const isNoData = (body: Buffer): boolean =>
  body.length < 64 && NO_DATA_BODIES.includes(head(body).trim().toLowerCase());

const excerpt = (body: Buffer): string => head(body).slice(0, BODY_EXCERPT_CHARS);
