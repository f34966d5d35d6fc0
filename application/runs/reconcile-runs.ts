import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import { recordRunFinished, type RunFinished } from '../../infra/repositories/runs-write';
import { listRunningLedgerRuns } from '../../infra/repositories/runs-read';
import { withDeadline } from './run-errors';
import { failureOfResult, outcomeOfRun, toRunStatus } from './run-status';

export type LedgerDb = Pick<Pool, 'query'>;

type ClosedStatus = RunFinished['status'];
const CLOSED: readonly string[] = ['COMPLETED', 'FAILED', 'CANCELED', 'TERMINATED', 'TIMED_OUT'];

/**
 * Records the end of a run the workflow could not record itself (a termination, a timeout, a worker that never
 * reached the last activity). Only a ledger row still marked RUNNING changes, so the workflow's own record wins.
 */
export async function reconcileClosedRun(
  db: LedgerDb,
  ledgerKey: { workflowId: string; runId: string },
  closed: { status: string; result?: unknown; error?: { type: string; message: string }; closeTime?: string },
): Promise<boolean> {
  if (!CLOSED.includes(closed.status)) return false;
  const status = closed.status as ClosedStatus;
  return recordRunFinished(db, {
    ...ledgerKey,
    status,
    outcome: outcomeOfRun(status, closed.result),
    result: closed.result,
    error: closed.error,
    finishedAt: closed.closeTime,
  });
}

/**
 * Asks Temporal about every ledger row still marked RUNNING and records the ones that have closed. Called on the
 * runs read path (`GET /v1/runs`), so a terminated run shows as terminated wherever it is read. Returns how many
 * rows it closed.
 */
export async function reconcileRunningRuns(
  deps: { client: Client; db: LedgerDb; timeoutMs: number },
  limit = 50,
): Promise<number> {
  let closed = 0;
  for (const row of await listRunningLedgerRuns(deps.db, limit)) {
    const handle = deps.client.workflow.getHandle(row.workflowId);
    const latest = await withDeadline(handle.describe(), deps.timeoutMs).catch(() => null);
    if (!latest) continue;
    // The ledger keys a run by its first execution; a later rerun of the same id means ours is over, but only its
    // own execution can say how (a continued-as-new execution cannot: then the row waits for a later pass).
    const sameChain = latest.raw.workflowExecutionInfo?.firstRunId === row.runId;
    const execution = sameChain
      ? latest
      : await withDeadline(deps.client.workflow.getHandle(row.workflowId, row.runId).describe(), deps.timeoutMs).catch(
          () => null,
        );
    if (!execution || !execution.closeTime) continue;
    const status = toRunStatus(execution.status.name);
    if (!CLOSED.includes(status)) continue;
    const ofRun = deps.client.workflow.getHandle(row.workflowId, execution.runId);
    const result: unknown =
      status === 'COMPLETED'
        ? await withDeadline<unknown>(ofRun.result(), deps.timeoutMs).catch(() => undefined)
        : undefined;
    const error =
      status === 'FAILED' || status === 'TERMINATED' || status === 'TIMED_OUT'
        ? await withDeadline(failureOfResult(ofRun.result()), deps.timeoutMs).catch(() => undefined)
        : undefined;
    if (await reconcileClosedRun(deps.db, row, { status, result, error, closeTime: execution.closeTime.toISOString() }))
      closed++;
  }
  return closed;
}
