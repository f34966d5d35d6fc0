import type { Pool } from 'pg';
import type { RunOutcome, RunStatus } from '../../contracts';

export interface RunStarted {
  workflowId: string;
  runId: string;
  runKind: string;
  source: string;
  request: unknown;
}

/** How a run ended: every end is recorded (a termination by the reconcile step, the others by the workflow). */
export interface RunFinished {
  workflowId: string;
  runId: string;
  status: Exclude<RunStatus, 'RUNNING' | 'CONTINUED_AS_NEW' | 'PAUSED' | 'UNKNOWN'>;
  /** Null for a cancelled run: it was stopped, not judged. */
  outcome: RunOutcome | null;
  result?: unknown;
  error?: { type: string; message: string };
  /** When Temporal closed it; defaults to now. */
  finishedAt?: string;
}

export async function recordRunStarted(pool: Pick<Pool, 'query'>, run: RunStarted): Promise<void> {
  await pool.query(
    `INSERT INTO ingestion_runs (workflow_id, run_id, run_kind, source, request, status)
     VALUES ($1, $2, $3, $4, $5, 'RUNNING') ON CONFLICT (workflow_id, run_id) DO NOTHING`,
    [run.workflowId, run.runId, run.runKind, run.source, JSON.stringify(run.request)],
  );
}

/** Only a run still marked RUNNING changes: a late reconcile never overwrites the workflow's own record. */
export async function recordRunFinished(pool: Pick<Pool, 'query'>, run: RunFinished): Promise<boolean> {
  const { rowCount } = await pool.query(
    `UPDATE ingestion_runs
        SET status = $3, outcome = $4, result = $5, error = $6, finished_at = coalesce($7::timestamptz, now())
      WHERE workflow_id = $1 AND run_id = $2 AND status = 'RUNNING'`,
    [
      run.workflowId,
      run.runId,
      run.status,
      run.outcome,
      run.result === undefined ? null : JSON.stringify(run.result),
      run.error ? JSON.stringify(run.error) : null,
      run.finishedAt ?? null,
    ],
  );
  return (rowCount ?? 0) > 0;
}
