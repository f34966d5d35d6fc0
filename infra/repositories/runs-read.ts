import type { Pool } from 'pg';

/** One loaded batch of a run, from the ledger: what was loaded, from which objects, with what counts. */
export interface RunBatch {
  batchKey: string;
  runId: string;
  source: string;
  symbols: string[];
  rawObjects: unknown;
  stagedKey: string;
  stagedSha256: string;
  rejectedKey: string | null;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rowsFiltered: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  loadedAt: string;
}

/** The lineage of a run: its batches in key order (continue-as-new runs share the workflow id). */
export async function listRunBatches(db: Pool, workflowId: string): Promise<RunBatch[]> {
  const { rows } = await db.query<RunBatch>(
    `SELECT batch_key AS "batchKey", run_id AS "runId", source, symbols, raw_objects AS "rawObjects",
            staged_key AS "stagedKey", staged_sha256 AS "stagedSha256", rejected_key AS "rejectedKey",
            rows_read AS "rowsRead", rows_loaded AS "rowsLoaded", rows_rejected AS "rowsRejected",
            rows_filtered AS "rowsFiltered", rows_inserted AS "rowsInserted", rows_updated AS "rowsUpdated",
            rows_unchanged AS "rowsUnchanged", to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "loadedAt"
       FROM ingestion_batches
      WHERE workflow_id = $1
      ORDER BY batch_key`,
    [workflowId],
  );
  return rows;
}

/** Ledger rows of runs not yet recorded as ended, oldest first: what the reconcile step asks Temporal about. */
export async function listRunningLedgerRuns(
  db: Pick<Pool, 'query'>,
  limit: number,
): Promise<{ workflowId: string; runId: string }[]> {
  const { rows } = await db.query<{ workflowId: string; runId: string }>(
    `SELECT workflow_id AS "workflowId", run_id AS "runId" FROM ingestion_runs
      WHERE status = 'RUNNING' ORDER BY started_at LIMIT $1`,
    [limit],
  );
  return rows;
}

/** Workflow ids of runs that asked for or loaded `symbol`, newest first. */
export async function findRunIdsBySymbol(db: Pick<Pool, 'query'>, symbol: string, limit: number): Promise<string[]> {
  const { rows } = await db.query<{ workflowId: string }>(
    `SELECT workflow_id AS "workflowId" FROM (
       SELECT workflow_id, started_at FROM ingestion_runs
        WHERE request->'symbols' ? $1 OR request->>'symbol' = $1
       UNION ALL
       SELECT b.workflow_id, r.started_at FROM ingestion_batches b
         JOIN ingestion_runs r USING (workflow_id, run_id)
        WHERE $1 = ANY(b.symbols)
     ) found
     GROUP BY workflow_id ORDER BY max(started_at) DESC LIMIT $2`,
    [symbol, limit],
  );
  return rows.map((row) => row.workflowId);
}
