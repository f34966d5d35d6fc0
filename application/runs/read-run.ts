import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { SEARCH_ATTRIBUTES, type BatchedRunProgress, type RunOutcome, type RunStatus } from '../../contracts';
import { reconcileClosedRun, type LedgerDb } from './reconcile-runs';
import { RunNotFound, withDeadline } from './run-errors';
import { failureOfResult, outcomeOfRun, toRunStatus } from './run-status';

export interface RunReadDeps {
  client: Client;
  /** How long to wait for Temporal before giving up with TemporalTimeout. */
  timeoutMs: number;
  /** With a ledger, a run Temporal reports closed but the ledger still marks running is recorded on the way. */
  db?: LedgerDb;
}

/** What any run looks like from outside, whatever its kind: progress and result are the kind's own. */
export interface RunView {
  workflowId: string;
  runId: string;
  workflowType: string;
  kind?: string;
  status: RunStatus;
  outcome: RunOutcome | null;
  startTime: string;
  closeTime?: string;
  /** The `progress` query's answer: a batched run's counts plus its kind's fields; null when not answered. */
  progress: (Partial<BatchedRunProgress> & Record<string, unknown>) | null;
  result?: unknown;
  error?: { type: string; message: string };
}

/** Describe + progress query + result or failure of the latest run of `workflowId`, within a deadline. */
export async function readRun(deps: RunReadDeps, workflowId: string): Promise<RunView> {
  const { client, timeoutMs } = deps;
  const handle = client.workflow.getHandle(workflowId);
  const description = await withDeadline(handle.describe(), timeoutMs).catch((err: unknown) => {
    throw err instanceof WorkflowNotFoundError ? new RunNotFound(workflowId) : err;
  });
  const status = toRunStatus(description.status.name);
  const view: RunView = {
    workflowId,
    runId: description.runId,
    workflowType: description.type,
    status,
    outcome: null,
    startTime: description.startTime.toISOString(),
    progress: null,
  };
  const kind = description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.runKind);
  if (kind !== undefined) view.kind = kind;
  if (description.closeTime) view.closeTime = description.closeTime.toISOString();

  // Every batched run answers `progress`; a workflow without it (or with no worker polling) reports none.
  // Closed workflows still answer queries (a worker replays the history).
  view.progress = await withDeadline(
    handle.query<Partial<BatchedRunProgress> & Record<string, unknown>>('progress'),
    timeoutMs,
  ).catch(() => null);
  if (status === 'COMPLETED') view.result = await withDeadline(handle.result(), timeoutMs);
  if (status === 'FAILED' || status === 'TIMED_OUT' || status === 'TERMINATED')
    view.error = await withDeadline(failureOfResult(handle.result()), timeoutMs);
  view.outcome = outcomeOfRun(status, view.result);

  const firstRunId = description.raw.workflowExecutionInfo?.firstRunId;
  if (deps.db && firstRunId && view.closeTime && status !== 'CONTINUED_AS_NEW') {
    await reconcileClosedRun(deps.db, { workflowId, runId: firstRunId }, view).catch(() => undefined);
  }
  return view;
}
