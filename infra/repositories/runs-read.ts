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
