import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { FredFormatError, parseFredObservations } from '../../domain/macro';
import { httpStatusFailure, type ProviderHttpResponse } from '../http/provider-failures';

/**
 * Why an observations answer cannot be archived as this series, or undefined when it can. FRED answers every bad
 * request with HTTP 400 and `{"error_code":400,"error_message":"Bad Request.  …"}`: an unknown series and a bad
 * API key are permanent, each named; 429 and 5xx are retried after Retry-After.
 */
export function fredResponseFailure(
  seriesId: string,
  response: ProviderHttpResponse,
  now = new Date(),
): ApplicationFailure | undefined {
  if (response.status === 400 || response.status === 403) {
    const message = fredErrorMessage(response.body);
    if (/api_key/i.test(message)) {
      return ApplicationFailure.nonRetryable(
        `FRED refused the API key (check FRED_API_KEY): ${message}`,
        FAILURE_TYPES.providerRejected,
        { seriesId, status: response.status },
      );
    }
    if (/series does not exist/i.test(message)) {
      return ApplicationFailure.nonRetryable(`FRED has no series ${seriesId}`, FAILURE_TYPES.unknownSeries, {
        seriesId,
      });
    }
    return ApplicationFailure.nonRetryable(
      `FRED rejected the request for ${seriesId} with HTTP ${response.status}: ${message}`,
      FAILURE_TYPES.providerRejected,
      { seriesId, status: response.status },
    );
  }
  const statusFailure = httpStatusFailure('FRED', seriesId, response, { seriesId }, now);
  if (statusFailure) return statusFailure;
  try {
    // Checked before archiving, so a proxy's HTML page with a 200 is never stored as a series.
    parseFredObservations(response.body.toString('utf8'));
  } catch (err) {
    if (!(err instanceof FredFormatError)) throw err;
    return ApplicationFailure.nonRetryable(
      `FRED answered ${seriesId} with something other than its observations: ${err.message}`,
      FAILURE_TYPES.providerRejected,
      { seriesId },
    );
  }
  return undefined;
}

/** FRED's `error_message`, or the start of whatever else the body holds. */
function fredErrorMessage(body: Buffer): string {
  const text = body.toString('utf8');
  try {
    const json = JSON.parse(text) as { error_message?: unknown };
    if (typeof json.error_message === 'string') return json.error_message;
  } catch {
    // Not JSON: the text itself is the best description there is.
  }
  return text.slice(0, 200);
}
