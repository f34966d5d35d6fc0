import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';

export interface TiingoQuery {
  symbol: string;
  /** ISO `YYYY-MM-DD`, inclusive; from the first bar Tiingo has when absent. */
  from?: string;
  /** ISO `YYYY-MM-DD`, inclusive; the run's date when absent, so every retry asks the same question. */
  to?: string;
  runDate: string;
}

/**
 * Tiingo answers a request without `startDate` with the latest bar only, so a run without `from` asks from a day
 * before any listing Tiingo carries, which is every bar it has.
 */
const EARLIEST = '1900-01-01';

/** `GET {TIINGO_URL}/tiingo/daily/{ticker}/prices?startDate=YYYY-MM-DD&endDate=YYYY-MM-DD`, both inclusive. */
export function buildTiingoUrl(baseUrl: string, query: TiingoQuery): URL {
  const url = new URL(`/tiingo/daily/${encodeURIComponent(query.symbol)}/prices`, baseUrl);
  url.searchParams.set('startDate', isoDate(query.from ?? EARLIEST));
  url.searchParams.set('endDate', isoDate(query.to ?? query.runDate));
  return url;
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    // A malformed date fails the same way on every attempt, so retrying would only waste the provider's quota.
    throw ApplicationFailure.nonRetryable(`Invalid date "${value}", expected YYYY-MM-DD`, FAILURE_TYPES.invalidInput);
  }
  return value;
}
