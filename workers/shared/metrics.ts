import type { Context as ActivityContext } from '@temporalio/activity';
import type { ActivityInterceptors } from '@temporalio/worker';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per worker process: Node's default metrics plus what its activities did. */
export function createWorkerMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const activitySeconds = new Histogram({
    name: 'iby_activity_duration_seconds',
    help: 'Activity executions by type and outcome',
    labelNames: ['activity', 'task_queue', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });

  /** Times every activity execution, including failed and cancelled ones. */
  const activityInterceptor = (ctx: ActivityContext): ActivityInterceptors => ({
    inbound: {
      async execute(input, next) {
        const stop = activitySeconds.startTimer({ activity: ctx.info.activityType, task_queue: ctx.info.taskQueue });
        try {
          const result = await next(input);
          stop({ outcome: 'completed' });
          return result;
        } catch (err) {
          stop({ outcome: 'failed' });
          throw err;
        }
      },
    },
  });

  return { registry, activityInterceptor };
}
