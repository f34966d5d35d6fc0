import type { Client } from '@temporalio/client';

export interface WorkerIdentities {
  /** Identity of every worker that ran an activity, by task queue. */
  activities: Map<string, Set<string>>;
  /** Identity of every worker that completed a workflow task. */
  workflowTasks: Set<string>;
  /** Activity attempts beyond the first (a killed worker's activities show up here). */
  retriedAttempts: number;
}

/**
 * Who did the work, from the histories of a run and of the children it started (their ids come from the
 * parent's history, which visibility's eventual consistency cannot hide).
 */
export async function workerIdentities(client: Client, workflowId: string): Promise<WorkerIdentities> {
  const result: WorkerIdentities = { activities: new Map(), workflowTasks: new Set(), retriedAttempts: 0 };
  const ids = [workflowId];
  for (let i = 0; i < ids.length; i++) {
    const history = await client.workflow.getHandle(ids[i]).fetchHistory();
    const queueOf = new Map<string, string>();
    for (const event of history.events ?? []) {
      const id = String(event.eventId);
      const scheduled = event.activityTaskScheduledEventAttributes;
      if (scheduled) queueOf.set(id, scheduled.taskQueue?.name ?? '?');
      const started = event.activityTaskStartedEventAttributes;
      if (started?.identity) {
        const queue = queueOf.get(String(started.scheduledEventId)) ?? '?';
        if (!result.activities.has(queue)) result.activities.set(queue, new Set());
        result.activities.get(queue)?.add(started.identity);
        result.retriedAttempts += Math.max(0, (started.attempt ?? 1) - 1);
      }
      const completed = event.workflowTaskCompletedEventAttributes;
      if (completed?.identity) result.workflowTasks.add(completed.identity);
      const child = event.childWorkflowExecutionStartedEventAttributes?.workflowExecution?.workflowId;
      if (child) ids.push(child);
    }
  }
  return result;
}
