import type { Pool } from 'pg';
import type { PriceBar } from '../../contracts';

export type StoredBar = Omit<PriceBar, 'symbol'>;

export interface BarRange {
  symbol: string;
  /** Inclusive ISO dates; an absent end is open. */
  from?: string;
  to?: string;
}

/** Daily bars of one symbol in date order, read straight from the (symbol, date) primary key. */
export async function readPriceBars(db: Pool, { symbol, from, to }: BarRange): Promise<StoredBar[]> {
  const { rows } = await db.query<StoredBar>(
    `SELECT date, open, high, low, close, adj_close AS "adjClose", volume, flags
       FROM price_bars
      WHERE symbol = $1
        AND ($2::date IS NULL OR date >= $2::date)
        AND ($3::date IS NULL OR date <= $3::date)
      ORDER BY date`,
    [symbol, from ?? null, to ?? null],
  );
  return rows;
}
