import type { Pool } from 'pg';

export interface RunStarted {
  workflowId: string;
  runId: string;
  runKind: string;
  source: string;
  request: unknown;
}

export interface RunFinished {
  workflowId: string;
  runId: string;
  status: string;
  result: unknown;
}

export async function recordRunStarted(pool: Pool, run: RunStarted): Promise<void> {
  await pool.query(
    `INSERT INTO ingestion_runs (workflow_id, run_id, run_kind, source, request, status)
     VALUES ($1, $2, $3, $4, $5, 'RUNNING') ON CONFLICT (workflow_id, run_id) DO NOTHING`,
    [run.workflowId, run.runId, run.runKind, run.source, JSON.stringify(run.request)],
  );
}

export async function recordRunFinished(pool: Pool, run: RunFinished): Promise<void> {
  await pool.query(
    `UPDATE ingestion_runs SET status = $3, result = $4, finished_at = now() WHERE workflow_id = $1 AND run_id = $2`,
    [run.workflowId, run.runId, run.status, JSON.stringify(run.result)],
  );
}
