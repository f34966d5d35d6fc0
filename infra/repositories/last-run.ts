import type { Pool } from 'pg';

/**
 * When the last run of a kind that loaded something (outcome succeeded or partial) finished, as an ISO instant, or
 * null when there was none: the pipeline skips a fundamentals run that is recent enough.
 */
export async function lastFinishedRunAt(pool: Pick<Pool, 'query'>, runKind: string): Promise<string | null> {
  const { rows } = await pool.query<{ finishedAt: Date | null }>(
    `SELECT max(finished_at) AS "finishedAt" FROM ingestion_runs
      WHERE run_kind = $1 AND status = 'COMPLETED' AND outcome IN ('succeeded', 'partial')`,
    [runKind],
  );
  return rows[0]?.finishedAt ? rows[0].finishedAt.toISOString() : null;
}
