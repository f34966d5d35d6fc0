import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';

export interface FredQuery {
  seriesId: string;
  /** ISO `YYYY-MM-DD`; FRED's default (today) when absent. */
  realtimeStart?: string;
  realtimeEnd?: string;
  observationStart?: string;
  observationEnd?: string;
}

/** The documented path, appended to `FRED_URL` (scheme, host and port only). */
const OBSERVATIONS_PATH = '/fred/series/observations';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `GET {FRED_URL}/fred/series/observations?series_id&api_key&file_type=json[&realtime_start&realtime_end]
 * [&observation_start&observation_end]`. Returns the URL to ask and the same URL without the key, for lineage and
 * logs: the key never leaves the activity.
 */
export function buildFredUrl(baseUrl: string, query: FredQuery, apiKey: string): { url: URL; origin: string } {
  const url = new URL(OBSERVATIONS_PATH, baseUrl);
  url.searchParams.set('series_id', query.seriesId);
  url.searchParams.set('api_key', apiKey);
  url.searchParams.set('file_type', 'json');
  const dates = {
    realtime_start: query.realtimeStart,
    realtime_end: query.realtimeEnd,
    observation_start: query.observationStart,
    observation_end: query.observationEnd,
  };
  for (const [name, value] of Object.entries(dates)) {
    if (value === undefined) continue;
    if (!ISO_DATE.test(value)) {
      // A malformed date fails the same way on every attempt: retrying would only spend FRED's quota.
      throw ApplicationFailure.nonRetryable(
        `Invalid ${name} "${value}", expected YYYY-MM-DD`,
        FAILURE_TYPES.invalidInput,
      );
    }
    url.searchParams.set(name, value);
  }
  const withoutKey = new URL(url);
  withoutKey.searchParams.delete('api_key');
  return { url, origin: withoutKey.toString() };
}
