import type { Pool } from 'pg';
import type { LineageBatch } from '../../contracts/analysis';
import type { PriceBar } from '../../contracts/prices';
import type { RecordedAction } from '../../domain/corporate-actions';
import { readRecordedActions } from './corporate-actions';

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
  const { rows: bars } = await db.query<AnalysisBar>(
    `SELECT symbol, date, open, high, low, close, adj_close AS "adjClose", volume, flags,
            source || '|' || workflow_id AS origin
       FROM price_bars
      WHERE symbol = $1 AND ($2::date IS NULL OR date <= $2::date)
      ORDER BY date`,
    [symbol, to ?? null],
  );
  const workflows = [...new Set(bars.map((b) => b.origin.slice(b.origin.indexOf('|') + 1)))];
  const { rows: lineage } = await db.query<LineageBatch>(
    `SELECT workflow_id AS "workflowId", run_id AS "runId", batch_key AS "batchKey", source,
            to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "loadedAt"
       FROM ingestion_batches
      WHERE workflow_id = ANY($1::text[]) AND $2 = ANY(symbols)
      ORDER BY loaded_at, workflow_id, batch_key`,
    [workflows, symbol],
  );
  const actions = (await readRecordedActions(db, [symbol])).get(symbol) ?? [];
  return { bars, lineage, actions };
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
