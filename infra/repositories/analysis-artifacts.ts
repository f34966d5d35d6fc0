import type { Queryable } from './analysis-bars';

export interface StoredArtifactKeys {
  asOf: string;
  chartKeys: Record<string, string>;
  reportKey: string | null;
  /** The run that stored this analysis: what its objects must name to be its pictures. */
  analysisRunId: string;
}

/** The rendered artifacts' keys of a symbol's latest analysis (or the latest as of a date), without its document. */
export async function readLatestArtifactKeys(
  db: Queryable,
  symbol: string,
  asOf?: string,
): Promise<StoredArtifactKeys | null> {
  const { rows } = await db.query<StoredArtifactKeys>(
    `SELECT to_char(as_of, 'YYYY-MM-DD') AS "asOf", chart_keys AS "chartKeys", report_key AS "reportKey",
            analysis_run_id AS "analysisRunId"
       FROM analysis_results
      WHERE symbol = $1 AND ($2::date IS NULL OR as_of <= $2::date)
      ORDER BY as_of DESC, updated_at DESC
      LIMIT 1`,
    [symbol, asOf ?? null],
  );
  return rows[0] ?? null;
}
