import os from 'node:os';
import type { WorkerOptions } from '@temporalio/worker';
import type { Config, WorkerService } from '../../config';
import { HEARTBEAT_INTERVAL_MS } from '../../contracts';

/** What every Worker.create of a process shares: who it is, how much it takes on, how it drains. */
export type WorkerTuning = Pick<
  WorkerOptions,
  | 'identity'
  | 'maxConcurrentActivityTaskExecutions'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'shutdownGraceTime'
  | 'shutdownForceTime'
  | 'maxHeartbeatThrottleInterval'
  | 'stickyQueueScheduleToStartTimeout'
>;

/**
 * `etl-2/4711@host`: the replica (from WORKER_INSTANCE, set by npm start) in front of the SDK's default
 * `<pid>@<host>`, so the pollers and the activity attempts in the Temporal UI name the process that ran them.
 */
export function workerIdentity(service: WorkerService, instance: string | undefined, pid = process.pid): string {
  return `${instance ?? service}/${pid}@${os.hostname()}`;
}

/**
 * Tuning from config; unset limits keep each service's own default (`defaults`). After the grace time running
 * activities are cancelled (their streams see the abort signal); the force time bounds how long that may take.
 */
export function workerTuning(
  service: WorkerService,
  worker: Config['worker'],
  defaults: Partial<WorkerTuning> = {},
): WorkerTuning {
  const tuning: WorkerTuning = {
    ...defaults,
    identity: workerIdentity(service, worker.instance),
    shutdownGraceTime: worker.shutdownGraceSeconds * 1000,
    shutdownForceTime: (worker.shutdownGraceSeconds + 5) * 1000,
    // Heartbeats reach the server as often as activities send them, so a short heartbeat timeout keeps its slack.
    maxHeartbeatThrottleInterval: HEARTBEAT_INTERVAL_MS,
    // A workflow cached on a worker that died waits this long before another worker takes its next task (the SDK's
    // 10 s was most of what a crash cost); a live worker takes its own sticky tasks at once, so only a dead one waits.
    stickyQueueScheduleToStartTimeout: '1 second',
  };
  if (worker.maxConcurrentActivities) tuning.maxConcurrentActivityTaskExecutions = worker.maxConcurrentActivities;
  if (worker.maxConcurrentWorkflowTasks) tuning.maxConcurrentWorkflowTaskExecutions = worker.maxConcurrentWorkflowTasks;
  return tuning;
}
