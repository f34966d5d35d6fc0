import type { Pool } from 'pg';
import type { LineageBatch } from '../../contracts/analysis';
import type { PriceBar, QualityFlag } from '../../contracts/prices';
import type { RecordedAction } from '../../domain/corporate-actions';

/** A bar with the load that last wrote it (`source|workflow id`, as lineage batches name theirs), for the
 * frequency rule. */
export type AnalysisBar = PriceBar & { origin: string };

export interface AnalysisBars {
  bars: AnalysisBar[];
  /** The ledger batches of the runs that wrote these rows and named this symbol. */
  lineage: LineageBatch[];
  /** The symbol's recorded splits and dividends (all of them: the analysis applies those among its bars); absent
   * where a reader knows none. */
  actions?: RecordedAction[];
}

export type Queryable = Pick<Pool, 'query'>;

/**
 * Every bar of a symbol up to `to` (inclusive; open when absent), in date order, with the lineage of its rows and
 * the symbol's recorded corporate actions.
 */
export async function readAnalysisBars(db: Queryable, symbol: string, to?: string): Promise<AnalysisBars> {
  return decodeAnalysisBars(symbol, await readAnalysisBarsText(db, symbol, to));
}

/** What Postgres writes for one symbol: a column per bar field, the loads named once (`origin` indexes them). */
interface BarColumns {
  origins: string[];
  origin: number[];
  date: string[];
  open: JsonFloat[];
  high: JsonFloat[];
  low: JsonFloat[];
  close: JsonFloat[];
  adjClose: JsonFloat[];
  volume: (number | null)[];
  flags: QualityFlag[][];
  lineage: LineageBatch[];
  actions: RecordedAction[];
}

/** JSON has no NaN or Infinity: Postgres writes a non-finite double as a string ("NaN", "Infinity"). */
type JsonFloat = number | string | null;
const float = (value: JsonFloat): number | null => (typeof value === 'string' ? Number(value) : value);

/**
 * The same read as one JSON text, built by Postgres in one round trip: parsing one text is far cheaper than a row
 * message per bar, and the text is what the analysis caches, as it is (application/analysis/read-bars.ts).
 */
export async function readAnalysisBarsText(db: Queryable, symbol: string, to?: string): Promise<string> {
  const { rows } = await db.query<{ columns: string }>(
    `WITH bars AS MATERIALIZED (
       SELECT date, open, high, low, close, adj_close, volume, flags, source, workflow_id
         FROM price_bars
        WHERE symbol = $1 AND ($2::date IS NULL OR date <= $2::date)
     ), origins AS (
       SELECT source, workflow_id, (row_number() OVER (ORDER BY source, workflow_id) - 1)::int AS i
         FROM (SELECT DISTINCT source, workflow_id FROM bars) loads
     )
     SELECT json_build_object(
       'origins', (SELECT coalesce(json_agg(source || '|' || workflow_id ORDER BY i), '[]') FROM origins),
       'origin', coalesce(json_agg(o.i ORDER BY b.date), '[]'),
       'date', coalesce(json_agg(b.date ORDER BY b.date), '[]'),
       'open', coalesce(json_agg(b.open ORDER BY b.date), '[]'),
       'high', coalesce(json_agg(b.high ORDER BY b.date), '[]'),
       'low', coalesce(json_agg(b.low ORDER BY b.date), '[]'),
       'close', coalesce(json_agg(b.close ORDER BY b.date), '[]'),
       'adjClose', coalesce(json_agg(b.adj_close ORDER BY b.date), '[]'),
       'volume', coalesce(json_agg(b.volume ORDER BY b.date), '[]'),
       'flags', coalesce(json_agg(b.flags ORDER BY b.date), '[]'),
       -- The ledger batches of the runs that wrote these rows and named this symbol.
       'lineage', (SELECT coalesce(json_agg(json_build_object(
                            'workflowId', workflow_id, 'runId', run_id, 'batchKey', batch_key, 'source', source,
                            'loadedAt', to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                          ORDER BY loaded_at, workflow_id, batch_key), '[]')
                     FROM ingestion_batches
                    WHERE workflow_id IN (SELECT workflow_id FROM origins) AND $1 = ANY(symbols)),
       'actions', (SELECT coalesce(json_agg(json_build_object(
                            'exDate', to_char(ex_date, 'YYYY-MM-DD'), 'kind', kind, 'ratio', ratio,
                            'cashAmount', cash_amount)
                          ORDER BY ex_date, kind), '[]')
                     FROM corporate_actions
                    WHERE status = 'recorded' AND symbol = $1)
     )::text AS columns
     FROM bars b JOIN origins o USING (source, workflow_id)`,
    [symbol, to ?? null],
  );
  return rows[0].columns;
}

/** The bars of a text written by readAnalysisBarsText; throws when it is not one (a corrupt cache entry). */
export function decodeAnalysisBars(symbol: string, text: string): AnalysisBars {
  const c = JSON.parse(text) as BarColumns;
  if (!Array.isArray(c.date) || !Array.isArray(c.origins) || !Array.isArray(c.lineage)) {
    throw new TypeError(`not the bar columns of ${symbol}`);
  }
  const bars = new Array<AnalysisBar>(c.date.length);
  for (let i = 0; i < bars.length; i++) {
    bars[i] = {
      symbol,
      date: c.date[i],
      open: float(c.open[i]),
      high: float(c.high[i]),
      low: float(c.low[i]),
      close: float(c.close[i]) as number,
      adjClose: float(c.adjClose[i]),
      volume: c.volume[i],
      flags: c.flags[i],
      origin: c.origins[c.origin[i]],
    };
  }
  const actions = c.actions.map((a) => ({ ...a, ratio: float(a.ratio), cashAmount: float(a.cashAmount) }));
  return { bars, lineage: c.lineage, actions };
}

/**
 * Symbols with a daily series: two bars at most 4 calendar days apart (a weekend plus a holiday), which weekly and
 * monthly bars never are. The default universe of an analysis run.
 */
export async function symbolsWithDailyBars(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ symbol: string }>(
    `SELECT DISTINCT symbol
       FROM (SELECT symbol, date - lag(date) OVER (PARTITION BY symbol ORDER BY date) AS gap FROM price_bars) spaced
      WHERE gap <= 4
      ORDER BY symbol`,
  );
  return rows.map((r) => r.symbol);
}

export async function symbolHasBars(db: Queryable, symbol: string): Promise<boolean> {
  const { rowCount } = await db.query('SELECT 1 FROM price_bars WHERE symbol = $1 LIMIT 1', [symbol]);
  return (rowCount ?? 0) > 0;
}
