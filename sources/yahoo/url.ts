import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';

export interface YahooQuery {
  symbol: string;
  /** ISO `YYYY-MM-DD`, inclusive; from the first bar Yahoo has when absent. */
  from?: string;
  /** ISO `YYYY-MM-DD`, inclusive; the run's date when absent, so every retry asks the same question. */
  to?: string;
  runDate: string;
}

/** The documented path, appended to `YAHOO_URL` (scheme, host and port only). */
const CHART_PATH = '/v8/finance/chart/';
const DAY_SECONDS = 86_400;

/**
 * `GET {YAHOO_URL}/v8/finance/chart/{symbol}?period1&period2&interval=1d&events=div|split`. `period2` is exclusive,
 * so it is the day after `to` at midnight UTC: a bar stamped at any hour of `to` is included.
 */
export function buildYahooUrl(baseUrl: string, query: YahooQuery): URL {
  const url = new URL(`${CHART_PATH}${encodeURIComponent(query.symbol)}`, baseUrl);
  const period1 = query.from === undefined ? 0 : epochSeconds(query.from);
  const period2 = epochSeconds(query.to ?? query.runDate) + DAY_SECONDS;
  // Built by hand: URLSearchParams would encode `|` as %7C too, but Yahoo documents `events=div%7Csplit` as is.
  url.search = `?period1=${period1}&period2=${period2}&interval=1d&events=div%7Csplit`;
  return url;
}

function epochSeconds(isoDate: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? Date.parse(`${isoDate}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) {
    // A malformed date fails the same way on every attempt, so retrying would only waste the provider's quota.
    throw ApplicationFailure.nonRetryable(`Invalid date "${isoDate}", expected YYYY-MM-DD`, FAILURE_TYPES.invalidInput);
  }
  return ms / 1000;
}
