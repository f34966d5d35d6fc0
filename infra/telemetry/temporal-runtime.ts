import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from '../logger';
import { findFreePort } from '../local-stack/free-port';

export interface TemporalTelemetry {
  /** Where the SDK's own Prometheus exporter answers (loopback only); the ops server folds it into /metrics. */
  sdkMetricsUrl: string;
}

const PINO_LEVEL = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' } as const;

/**
 * Installs the Temporal runtime once per process: SDK and Rust-core logs go to the process's pino logger, and
 * the SDK's metrics are exported in Prometheus format under the names Temporal's dashboards use
 * (`temporal_…`, counters `_total`, durations in `_seconds`). The exporter listens on a private loopback port;
 * the worker's own `/metrics` serves its output next to ours, so one scrape per process sees both.
 */
export async function installTemporalRuntime(
  logger: Logger,
  level: string,
  tags: Record<string, string>,
): Promise<TemporalTelemetry> {
  const port = await findFreePort();
  Runtime.install({
    logger: new DefaultLogger(level.toUpperCase() as LogLevel, ({ level: sdkLevel, message, meta }) => {
      logger[PINO_LEVEL[sdkLevel]](meta ?? {}, message);
    }),
    telemetryOptions: {
      // Without `forward`, core writes its own lines to the console, outside our JSON logs.
      logging: { forward: {}, filter: { core: 'WARN', other: 'ERROR' } },
      metrics: {
        metricPrefix: 'temporal_',
        globalTags: tags,
        prometheus: {
          bindAddress: `127.0.0.1:${port}`,
          countersTotalSuffix: true,
          unitSuffix: true,
          useSecondsForDurations: true,
        },
      },
    },
    shutdownSignals: ['SIGINT', 'SIGTERM'],
  });
  return { sdkMetricsUrl: `http://127.0.0.1:${port}/metrics` };
}
