import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import {
  bodyHead as head,
  httpStatusFailure,
  providerFetchFailure,
  type ProviderHttpResponse,
} from '../http/provider-failures';

export type SecHttpResponse = ProviderHttpResponse;

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
  const statusFailure = httpStatusFailure('SEC', what, response, subject, now);
  if (statusFailure) return statusFailure;
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
  return providerFetchFailure('SEC', describe(subject), error);
}

// Only the head is looked at: a companyfacts body can be tens of megabytes; the full parse is the transform's job.
const looksLikeJsonObject = (body: Buffer): boolean => head(body).trimStart().startsWith('{');
