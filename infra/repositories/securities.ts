import type { Pool } from 'pg';

export interface SecuritySummary {
  symbol: string;
  name: string | null;
  exchange: string | null;
  currency: string;
  /** First and last bar dates (`YYYY-MM-DD`), null when no bar is loaded yet. */
  firstDate: string | null;
  lastDate: string | null;
  bars: number;
}

/**
 * Every security with the span of its bars. One grouped scan of the primary key index
 * (about 100 ms for 620k bars); the API caches the result until the next load.
 */
export async function listSecurities(db: Pool): Promise<SecuritySummary[]> {
  const { rows } = await db.query<SecuritySummary>(
    `SELECT s.symbol, s.name, s.exchange, s.currency,
            b.first_date AS "firstDate", b.last_date AS "lastDate", COALESCE(b.bars, 0) AS bars
       FROM securities s
       LEFT JOIN (
         SELECT symbol, min(date) AS first_date, max(date) AS last_date, count(*) AS bars
           FROM price_bars
          GROUP BY symbol
       ) b USING (symbol)
      ORDER BY s.symbol`,
  );
  return rows;
}

export async function securityExists(db: Pool, symbol: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM securities WHERE symbol = $1', [symbol]);
  return (rowCount ?? 0) > 0;
}
