import type { Client } from '@temporalio/client';

/**
 * Terminates every workflow still running on the shared dev server. Test files run one after another and share
 * the task queues, so a run one file left open (a triggered schedule run, a retrying activity) would otherwise
 * be picked up by the next file's workers and load into that file's database. Returns the ids it stopped.
 */
export async function terminateOpenRuns(client: Client, reason: string): Promise<string[]> {
  const stopped: string[] = [];
  for await (const run of client.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
    try {
      await client.workflow.getHandle(run.workflowId, run.runId).terminate(reason);
      stopped.push(run.workflowId);
    } catch (err) {
      // A child closes with its parent; one that closed between the list and now is no longer open.
      if ((err as Error).name !== 'WorkflowNotFoundError') throw err;
    }
  }
  return stopped;
}
