import { DefaultLogger, NativeConnection, Runtime, type LogLevel, type Worker } from '@temporalio/worker';
import { ConfigError, loadConfig, type Config } from '../../config';
import { createLogger, type Logger } from '../../infra/logger';
import { installProcessFaultHandlers } from '../../infra/process-faults';
import { createWorkerMetrics } from './metrics';
import { startOpsServer } from './ops-server';

export interface WorkerProcessContext {
  config: Config;
  connection: NativeConnection;
  logger: Logger;
  activityInterceptor: ReturnType<typeof createWorkerMetrics>['activityInterceptor'];
  /** Registers a cleanup that runs after the workers have drained, in reverse order. */
  onClose: (close: () => Promise<unknown>) => void;
}

/**
 * The life of one worker process: config, logging, connection, `/health` + `/metrics`, the workers, and a
 * graceful shutdown on SIGINT/SIGTERM (Temporal lets running activities finish within the grace time).
 */
export function runWorkerProcess(
  service: 'etl' | 'data' | 'analysis',
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
    const logger = createLogger(`${service}-worker`, config.logLevel);
    installProcessFaultHandlers(`${service}-worker`, logger);
    Runtime.install({
      logger: new DefaultLogger(config.logLevel.toUpperCase() as LogLevel, ({ level, message, meta }) => {
        logger[level === 'TRACE' ? 'trace' : (level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error')](
          meta ?? {},
          message,
        );
      }),
      shutdownSignals: ['SIGINT', 'SIGTERM'],
    });
    const { registry, activityInterceptor } = createWorkerMetrics(service);
    const closers: (() => Promise<unknown>)[] = [];
    const connection = await NativeConnection.connect({ address: config.temporal.address });
    closers.push(() => connection.close());
    try {
      const workers = await createWorkers({
        config,
        connection,
        logger,
        activityInterceptor,
        onClose: (c) => closers.push(c),
      });
      const ops = await startOpsServer(config.workers[service].port, registry, () => ({
        service,
        workers: workers.map((w) => ({ taskQueue: w.options.taskQueue, state: w.getState() })),
      }));
      closers.push(() => ops.close());
      logger.info(
        { port: config.workers[service].port, queues: workers.map((w) => w.options.taskQueue) },
        'worker running',
      );
      await Promise.all(workers.map((w) => w.run()));
      logger.info('worker stopped');
    } finally {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    }
  }
}
