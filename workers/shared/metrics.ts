import type { Context as ActivityContext } from '@temporalio/activity';
import { defaultPayloadConverter } from '@temporalio/common';
import { REQUEST_ID_HEADER } from '../../infra/telemetry/request-id-keys';
import type { ActivityInterceptors } from '@temporalio/worker';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { countingFetch, recordActivityOutcome } from './activity-outcomes';
import { createDomainMetrics } from './domain-metrics';

const ANALYSIS_QUEUE = /^analysis/;

/** One registry per worker process: Node's default metrics plus what its activities did. */
export function createWorkerMetrics(service: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const metrics = createDomainMetrics(registry);

  /**
   * Times every activity execution (failed and cancelled ones too), counts the rows its result reports, and puts
   * the id of the API request behind the run (a header set by the workflow interceptors) on its log lines.
   */
  const activityInterceptor = (ctx: ActivityContext): ActivityInterceptors => {
    let requestId: string | undefined;
    return {
      outbound: {
        getLogAttributes: (attributes, next) => next(requestId ? { ...attributes, requestId } : attributes),
      },
      inbound: {
        async execute(input, next) {
          const header = input.headers[REQUEST_ID_HEADER];
          if (header) requestId = defaultPayloadConverter.fromPayload<string>(header);
          const { activityType: activity, taskQueue } = ctx.info;
          const stopActivity = metrics.activitySeconds.startTimer({ activity, task_queue: taskQueue });
          const stopLoad = activity === 'loadPriceBatch' ? metrics.loadSeconds.startTimer() : undefined;
          const stopAnalysis = ANALYSIS_QUEUE.test(taskQueue)
            ? metrics.analysisSeconds.startTimer({ activity })
            : undefined;
          const stop = (outcome: string) => {
            stopActivity({ outcome });
            stopLoad?.({ outcome, source: sourceLabel(input.args[0]) });
            stopAnalysis?.({ outcome });
          };
          try {
            const result: unknown = await next(input);
            stop('completed');
            recordActivityOutcome(metrics, activity, input.args, result);
            return result;
          } catch (err) {
            stop(ctx.cancellationSignal.aborted ? 'cancelled' : 'failed');
            throw err;
          }
        },
      },
    };
  };

  return { registry, activityInterceptor, providerFetch: countingFetch(metrics) };
}

function sourceLabel(input: unknown): string {
  const source = (input as { source?: unknown } | undefined)?.source;
  return typeof source === 'string' ? source : 'unknown';
}
