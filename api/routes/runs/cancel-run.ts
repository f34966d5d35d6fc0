import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { HttpError, notFound } from '../../errors';
import { toRunStatus } from './run-status';

/** Requests cancellation of a running run; the workflow decides how to stop (children first, then itself). */
export async function cancelRun(client: Client, workflowId: string): Promise<{ runId: string }> {
  const handle = client.workflow.getHandle(workflowId);
  const description = await handle.describe().catch((err: unknown) => {
    throw err instanceof WorkflowNotFoundError ? notFound(`no run with workflowId ${workflowId}`) : err;
  });
  const status = toRunStatus(description.status.name);
  if (status !== 'RUNNING') throw new HttpError(409, 'conflict', `run ${workflowId} is ${status}, not RUNNING`);
  await handle.cancel();
  return { runId: description.runId };
}
