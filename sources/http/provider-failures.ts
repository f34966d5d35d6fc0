import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { parseRetryAfter } from './retry-after';

/**
 * A transient provider problem (throttling, 5xx, network, timeout). Deliberately not in `FAILURE_TYPES`, whose
 * members are all non-retryable: this one is meant to be retried by the activity's retry policy.
 */
export const PROVIDER_UNAVAILABLE = 'ProviderUnavailable';

/** What every provider answers over HTTP, as the classifiers need it. */
export interface ProviderHttpResponse {
  status: number;
  retryAfter: string | null;
  body: Buffer;
}

/**
 * The verdict on an HTTP status that is not the provider's own "no such symbol" answer, or undefined for a 200:
 * 408, 429 and 5xx are transient (retried, after `Retry-After` when it says how long), another 4xx is the provider
 * refusing for good, and any other status (fetch follows redirects: a 204, a 3xx without Location) is transient.
 */
export function httpStatusFailure(
  provider: string,
  what: string,
  response: Pick<ProviderHttpResponse, 'status' | 'retryAfter'>,
  details: Record<string, unknown>,
  now = new Date(),
): ApplicationFailure | undefined {
  const { status } = response;
  if (status === 429) {
    return providerThrottled(`${provider} answered HTTP 429 for ${what}`, parseRetryAfter(response.retryAfter, now));
  }
  if (status === 408 || status >= 500) {
    return providerUnavailable(
      `${provider} answered HTTP ${status} for ${what}`,
      parseRetryAfter(response.retryAfter, now),
    );
  }
  if (status >= 400) {
    return ApplicationFailure.nonRetryable(
      `${provider} rejected the request for ${what} with HTTP ${status}`,
      FAILURE_TYPES.providerRejected,
      { ...details, status },
    );
  }
  if (status !== 200) return providerUnavailable(`${provider} answered HTTP ${status} for ${what}`, undefined);
  return undefined;
}

/** A request that never got an answer: network error or per-request timeout. Cancellation is not handled here. */
export function providerFetchFailure(provider: string, what: string, error: unknown): ApplicationFailure {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return ApplicationFailure.create({
    message: `${provider} request for ${what} failed: ${reason}`,
    type: PROVIDER_UNAVAILABLE,
    cause: error instanceof Error ? error : undefined,
  });
}

/**
 * The provider asked us to slow down (HTTP 429, or a provider's own "too many requests" answer): transient like
 * any unavailability, and marked in its details so provider health counts it as a throttle (`isThrottle`).
 */
export function providerThrottled(message: string, nextRetryDelay: number | undefined): ApplicationFailure {
  return providerUnavailable(message, nextRetryDelay, [THROTTLED]);
}

/** Whether a failure is a provider's throttle, as `providerThrottled` marks it. */
export function isThrottle(error: unknown): boolean {
  return (
    error instanceof ApplicationFailure &&
    error.type === PROVIDER_UNAVAILABLE &&
    (error.details ?? []).some((detail) => (detail as Partial<typeof THROTTLED> | null)?.throttled === true)
  );
}

const THROTTLED = { throttled: true } as const;

function providerUnavailable(
  message: string,
  nextRetryDelay: number | undefined,
  details: unknown[] = [],
): ApplicationFailure {
  // `Retry-After: 0` is no hint at all, and Temporal does not retry a failure whose next delay is zero.
  return nextRetryDelay === undefined || nextRetryDelay <= 0
    ? ApplicationFailure.retryable(message, PROVIDER_UNAVAILABLE, ...details)
    : ApplicationFailure.create({ message, type: PROVIDER_UNAVAILABLE, nextRetryDelay, details });
}

/** The start of a body, decoded: bodies can be megabytes and every verdict depends on their first bytes only. */
export const bodyHead = (body: Buffer): string =>
  body
    .subarray(0, 256)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
