import type { LineageBatch, StoredAnalysisDocument } from '../../contracts/analysis';
import type { Queryable } from './analysis-bars';

export interface AnalysisResultRow {
  symbol: string;
  asOf: string;
  windowFrom: string;
  windowTo: string;
  /** The benchmark symbol, or 'none'. */
  benchmark: string;
  frequency: string;
  document: StoredAnalysisDocument;
  chartKeys: Record<string, string>;
  reportKey: string | null;
  inputLineage: { symbol: LineageBatch[]; benchmark: LineageBatch[] };
  analysisWorkflowId: string;
  analysisRunId: string;
}

export type StoredAnalysis = AnalysisResultRow & { createdAt: string; updatedAt: string };

/**
 * Idempotent under retries: the same symbol, date, benchmark and window is one row, replaced by the latest
 * computation (a rerun after new bars or a fixed bug gives the new answer).
 */
export async function upsertAnalysisResult(db: Queryable, row: AnalysisResultRow): Promise<void> {
  await db.query(
    `INSERT INTO analysis_results (symbol, as_of, window_from, window_to, benchmark, frequency, document, chart_keys,
                                   report_key, input_lineage, analysis_workflow_id, analysis_run_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (symbol, as_of, benchmark, window_from, window_to) DO UPDATE
       SET frequency = EXCLUDED.frequency, document = EXCLUDED.document, chart_keys = EXCLUDED.chart_keys,
           report_key = EXCLUDED.report_key, input_lineage = EXCLUDED.input_lineage,
           analysis_workflow_id = EXCLUDED.analysis_workflow_id, analysis_run_id = EXCLUDED.analysis_run_id,
           updated_at = now()`,
    [
      row.symbol,
      row.asOf,
      row.windowFrom,
      row.windowTo,
      row.benchmark,
      row.frequency,
      JSON.stringify(row.document),
      JSON.stringify(row.chartKeys),
      row.reportKey,
      JSON.stringify(row.inputLineage),
      row.analysisWorkflowId,
      row.analysisRunId,
    ],
  );
}

/** The latest result of a symbol, or the latest as of a date (`as_of <= asOf`); null when there is none. */
export async function readLatestAnalysis(db: Queryable, symbol: string, asOf?: string): Promise<StoredAnalysis | null> {
  const { rows } = await db.query<StoredAnalysis>(
    `SELECT symbol, as_of AS "asOf", window_from AS "windowFrom", window_to AS "windowTo", benchmark, frequency,
            document, chart_keys AS "chartKeys", report_key AS "reportKey", input_lineage AS "inputLineage",
            analysis_workflow_id AS "analysisWorkflowId", analysis_run_id AS "analysisRunId",
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
            to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
       FROM analysis_results
      WHERE symbol = $1 AND ($2::date IS NULL OR as_of <= $2::date)
      ORDER BY as_of DESC, updated_at DESC
      LIMIT 1`,
    [symbol, asOf ?? null],
  );
  return rows[0] ?? null;
}

/** Which result is a symbol's latest, without reading its document. */
export async function readLatestAnalysisKey(
  db: Queryable,
  symbol: string,
): Promise<Pick<AnalysisResultRow, 'asOf' | 'benchmark' | 'windowFrom' | 'windowTo'> | null> {
  const { rows } = await db.query<Pick<AnalysisResultRow, 'asOf' | 'benchmark' | 'windowFrom' | 'windowTo'>>(
    `SELECT as_of AS "asOf", benchmark, window_from AS "windowFrom", window_to AS "windowTo"
       FROM analysis_results
      WHERE symbol = $1
      ORDER BY as_of DESC, updated_at DESC
      LIMIT 1`,
    [symbol],
  );
  return rows[0] ?? null;
}
