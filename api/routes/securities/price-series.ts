import type { Pool } from 'pg';
import { adjustPriceSeries } from '../../../application/corporate-actions';
import type { PriceAdjustment } from '../../../contracts/corporate-actions';
import { readPriceBars } from '../../../infra/repositories/prices-read';
import { securityExists } from '../../../infra/repositories/securities';
import { notFound } from '../../errors';
import type { AdjustedPriceSeriesBody } from './schemas';

export interface PriceRange {
  from?: string;
  to?: string;
  adjust: PriceAdjustment;
}

/** The prices route's answer from Postgres: the stored bars of the range, adjusted with the actions recorded now. */
export async function loadPriceSeries(
  db: Pool,
  symbol: string,
  { from, to, adjust }: PriceRange,
): Promise<AdjustedPriceSeriesBody> {
  const stored = await readPriceBars(db, { symbol, from, to });
  // An empty range of a known symbol is an answer; an unknown symbol is not.
  if (stored.length === 0 && !(await securityExists(db, symbol))) {
    throw notFound(`no security with symbol ${symbol}`);
  }
  const { bars, adjustment } = await adjustPriceSeries(db, symbol, stored, adjust);
  return { symbol, from: from ?? null, to: to ?? null, bars, ...adjustment };
}
