import { NativeConnection, type Worker } from '@temporalio/worker';
import { ConfigError, loadConfig, type Config, type WorkerService } from '../../config';
import { createLogger, type Logger } from '../../infra/logger';
import { installTemporalRuntime } from '../../infra/telemetry/temporal-runtime';
import { temporalConnectionOptions } from '../../infra/temporal-connection';
import { installProcessFaultHandlers } from '../../infra/process-faults';
import { createWorkerMetrics } from './metrics';
import { startOpsServer } from './ops-server';
import { workerTuning, type WorkerTuning } from './worker-tuning';

export interface WorkerProcessContext {
  config: Config;
  connection: NativeConnection;
  logger: Logger;
  activityInterceptor: ReturnType<typeof createWorkerMetrics>['activityInterceptor'];
  /** Identity, concurrency limits and shutdown grace from config; each service adds its own defaults. */
  tuning: (defaults?: Partial<WorkerTuning>) => WorkerTuning;
  /** fetch for provider requests: counted in iby_provider_requests_total / iby_provider_throttles_total. */
  providerFetch: typeof fetch;
  /** Registers a cleanup that runs after the workers have drained, in reverse order. */
  onClose: (close: () => Promise<unknown>) => void;
}

/**
 * The life of one worker process: config, logging, connection, `/health` + `/metrics`, the workers, and a
 * graceful shutdown on SIGINT/SIGTERM (Temporal lets running activities finish within the grace time).
 */
export function runWorkerProcess(
  service: WorkerService,
  createWorkers: (ctx: WorkerProcessContext) => Promise<Worker[]>,
): void {
  main().catch((err: unknown) => {
    const message =
      err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
    process.stderr.write(`${service} worker failed: ${message}\n`);
    process.exit(1);
  });

  async function main(): Promise<void> {
    const config = loadConfig();
    const identity = workerTuning(service, config.worker).identity;
    const logger = createLogger(`${service}-worker`, config.logLevel).child({ identity });
    installProcessFaultHandlers(`${service}-worker`, logger);
    const telemetry = await installTemporalRuntime(logger, config.logLevel, { service: `${service}-worker` });
    const { registry, activityInterceptor, providerFetch } = createWorkerMetrics(service);
    const closers: (() => Promise<unknown>)[] = [];
    const connection = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
    closers.push(() => connection.close());
    try {
      const workers = await createWorkers({
        config,
        connection,
        logger,
        activityInterceptor,
        tuning: (defaults) => workerTuning(service, config.worker, defaults),
        providerFetch,
        onClose: (c) => closers.push(c),
      });
      const startedAt = Date.now();
      const ops = await startOpsServer(
        config.workers[service].port,
        registry,
        () => ({
          service,
          pid: process.pid,
          identity,
          instance: config.worker.instance ?? service,
          taskQueues: workers.map((w) => w.options.taskQueue),
          uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
          inFlightActivities: workers.reduce((n, w) => n + w.getStatus().numInFlightActivities, 0),
          workers: workers.map((w) => ({ taskQueue: w.options.taskQueue, state: w.getState() })),
        }),
        telemetry.sdkMetricsUrl,
      );
      closers.push(() => ops.close());
      logger.info(
        {
          port: config.workers[service].port,
          queues: workers.map((w) => w.options.taskQueue),
          shutdownGraceSeconds: config.worker.shutdownGraceSeconds,
        },
        'worker running',
      );
      await Promise.all(workers.map((w) => w.run()));
      logger.info('worker stopped');
    } finally {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    }
  }
}
