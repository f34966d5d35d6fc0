import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { RunNotFound, RunNotRunning } from './run-errors';
import { toRunStatus } from './run-status';

/** Requests cancellation of a running run; the workflow decides how to stop (children first, then itself). */
export async function cancelRun(client: Client, workflowId: string): Promise<{ runId: string }> {
  const handle = client.workflow.getHandle(workflowId);
  const description = await handle.describe().catch((err: unknown) => {
    throw err instanceof WorkflowNotFoundError ? new RunNotFound(workflowId) : err;
  });
  const status = toRunStatus(description.status.name);
  if (status !== 'RUNNING') throw new RunNotRunning(workflowId, status);
  await handle.cancel();
  return { runId: description.runId };
}
