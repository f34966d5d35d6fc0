import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';

export interface StooqQuery {
  symbol: string;
  /** ISO `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** ISO `YYYY-MM-DD`, inclusive. */
  to?: string;
}

/** The documented CSV download path, appended to `STOOQ_URL` (scheme, host and port only). */
const DOWNLOAD_PATH = '/q/d/l/';

/** Stooq's CSV download: `GET {STOOQ_URL}/q/d/l/?s=<symbol>&i=d[&d1=YYYYMMDD&d2=YYYYMMDD]`. */
export function buildStooqUrl(baseUrl: string, query: StooqQuery): URL {
  const url = new URL(DOWNLOAD_PATH, baseUrl);
  url.searchParams.set('s', query.symbol.toLowerCase());
  url.searchParams.set('i', 'd');
  if (query.from !== undefined) url.searchParams.set('d1', compactDate(query.from));
  if (query.to !== undefined) url.searchParams.set('d2', compactDate(query.to));
  return url;
}

function compactDate(isoDate: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) {
    // A malformed date fails the same way on every attempt, so retrying would only waste the provider's quota.
    throw ApplicationFailure.nonRetryable(`Invalid date "${isoDate}", expected YYYY-MM-DD`, FAILURE_TYPES.invalidInput);
  }
  return isoDate.replaceAll('-', '');
}
