import type { Pool } from 'pg';

export interface StoredBar {
  date: string;
  close: number;
  adjClose: number | null;
}

/** A security as the list reads it: the span of its bars, the bars a 1-year return needs, its latest analysis. */
export interface SecurityListRow {
  symbol: string;
  name: string | null;
  exchange: string | null;
  currency: string;
  /** First and last bar dates (`YYYY-MM-DD`), null when no bar is loaded yet. */
  firstDate: string | null;
  lastDate: string | null;
  bars: number;
  lastBar: StoredBar | null;
  /** The last bar on or before the same day a year before the last bar (`domain/finance/risk/one-year-return`). */
  yearAgoBar: StoredBar | null;
  /** The latest stored analysis (latest `as_of`, then latest update), null when the symbol has none. */
  analysisAsOf: string | null;
  /** Values of the stored document as they are (JSON): the caller checks their type. */
  volatility: unknown;
  sharpe: unknown;
  maxDrawdown: unknown;
  trend: unknown;
  /** Flag or suspicion reason → count, null when there is none. */
  flags: Record<string, number> | null;
}

const barJson = (alias: string) =>
  `CASE WHEN ${alias}.date IS NULL THEN NULL
        ELSE json_build_object('date', ${alias}.date, 'close', ${alias}.close, 'adjClose', ${alias}.adj_close) END`;

/**
 * Every security in one query: one grouped scan of the bars for their span, index lookups (primary key, read
 * backwards) for the last bar and the bar a year before it, the latest analysis of each symbol through its
 * `analysis_results_latest` index, and flag counts from the bars' flags and the suspected corporate actions.
 * Only `risk` and `trend` of the stored document are read. The API caches the result until the next load or
 * analysis.
 */
export async function listSecurities(db: Pool): Promise<SecurityListRow[]> {
  const { rows } = await db.query<SecurityListRow>(
    `SELECT s.symbol, s.name, s.exchange, s.currency,
            b.first_date AS "firstDate", b.last_date AS "lastDate", COALESCE(b.bars, 0) AS bars,
            ${barJson('last_bar')} AS "lastBar",
            ${barJson('year_ago')} AS "yearAgoBar",
            a.as_of AS "analysisAsOf",
            a.risk -> 'annual_volatility' AS volatility,
            a.risk -> 'sharpe' AS sharpe,
            a.risk -> 'max_drawdown' AS "maxDrawdown",
            a.trend -> 'label' AS trend,
            f.flags
       FROM securities s
       LEFT JOIN (
         SELECT symbol, min(date) AS first_date, max(date) AS last_date, count(*) AS bars
           FROM price_bars
          GROUP BY symbol
       ) b USING (symbol)
       LEFT JOIN LATERAL (
         SELECT p.date, p.close, p.adj_close FROM price_bars p WHERE p.symbol = s.symbol AND p.date = b.last_date
       ) last_bar ON true
       LEFT JOIN LATERAL (
         SELECT p.date, p.close, p.adj_close
           FROM price_bars p
          WHERE p.symbol = s.symbol AND p.date <= (b.last_date - interval '1 year')::date
          ORDER BY p.date DESC
          LIMIT 1
       ) year_ago ON true
       LEFT JOIN LATERAL (
         -- jsonb_to_record takes risk and trend apart in one pass: every \`document -> …\` would decompress
         -- the whole (large, TOASTed) document again.
         SELECT r.as_of, parts.risk, parts.trend
           FROM analysis_results r, jsonb_to_record(r.document) AS parts(risk jsonb, trend jsonb)
          WHERE r.symbol = s.symbol
          ORDER BY r.as_of DESC, r.updated_at DESC
          LIMIT 1
       ) a ON true
       LEFT JOIN (
         SELECT symbol, jsonb_object_agg(flag, n) AS flags
           FROM (
             SELECT symbol, flag, count(*) AS n
               FROM price_bars, unnest(flags) AS flag
              WHERE flags <> '{}'
              GROUP BY symbol, flag
             UNION ALL
             SELECT symbol, reason, count(*) FROM corporate_actions WHERE status = 'suspected' GROUP BY symbol, reason
           ) counted
          GROUP BY symbol
       ) f USING (symbol)
      ORDER BY s.symbol`,
  );
  return rows;
}

export async function securityExists(db: Pool, symbol: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM securities WHERE symbol = $1', [symbol]);
  return (rowCount ?? 0) > 0;
}
