import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { PROVIDER_UNAVAILABLE } from '../stooq/classify';
import { parseRetryAfter } from '../stooq/retry-after';

export interface SecHttpResponse {
  status: number;
  retryAfter: string | null;
  body: Buffer;
}

/** What was asked for, for messages and failure details: `{ cik: 320193 }` or `{ file: 'company_tickers.json' }`. */
export type SecRequestSubject = { cik: number } | { file: string };

const describe = (subject: SecRequestSubject): string => ('cik' in subject ? `CIK ${subject.cik}` : subject.file);

/**
 * Why a response cannot be archived, or undefined when it can. 429 and 5xx are transient (SEC throttles above
 * 10 requests a second and answers 503 when busy): retried, after `Retry-After` when it says how long. A 404 is
 * a company SEC does not know: permanent.
 */
export function secResponseFailure(
  subject: SecRequestSubject,
  response: SecHttpResponse,
  now = new Date(),
): ApplicationFailure | undefined {
  const { status } = response;
  const what = describe(subject);
  if (status === 404) {
    return ApplicationFailure.nonRetryable(`SEC has no companyfacts for ${what}`, FAILURE_TYPES.unknownSymbol, subject);
  }
  if (status === 408 || status === 429 || status >= 500) {
    return unavailable(`SEC answered HTTP ${status} for ${what}`, parseRetryAfter(response.retryAfter, now));
  }
  if (status >= 400) {
    return ApplicationFailure.nonRetryable(
      `SEC rejected the request for ${what} with HTTP ${status}`,
      FAILURE_TYPES.providerRejected,
      { ...subject, status },
    );
  }
  if (status !== 200) return unavailable(`SEC answered HTTP ${status} for ${what}`, undefined);
  if (!looksLikeJsonObject(response.body)) {
    return ApplicationFailure.nonRetryable(
      `SEC answered ${what} with something other than JSON: ${JSON.stringify(head(response.body).slice(0, 80))}`,
      FAILURE_TYPES.providerRejected,
      subject,
    );
  }
  return undefined;
}

/** A request that never got an answer: network error or per-request timeout. */
export function secFetchFailure(subject: SecRequestSubject, error: unknown): ApplicationFailure {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return ApplicationFailure.create({
    message: `SEC request for ${describe(subject)} failed: ${reason}`,
    type: PROVIDER_UNAVAILABLE,
    cause: error instanceof Error ? error : undefined,
  });
}

function unavailable(message: string, nextRetryDelay: number | undefined): ApplicationFailure {
  // `Retry-After: 0` is no hint, and Temporal does not retry a failure whose next delay is zero.
  return nextRetryDelay === undefined || nextRetryDelay <= 0
    ? ApplicationFailure.retryable(message, PROVIDER_UNAVAILABLE)
    : ApplicationFailure.create({ message, type: PROVIDER_UNAVAILABLE, nextRetryDelay });
}

// Only the head is looked at: a companyfacts body can be tens of megabytes; the full parse is the transform's job.
const head = (body: Buffer): string =>
  body
    .subarray(0, 256)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
const looksLikeJsonObject = (body: Buffer): boolean => head(body).trimStart().startsWith('{');
