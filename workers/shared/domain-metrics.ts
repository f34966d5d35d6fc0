import { Counter, Histogram, type Registry } from 'prom-client';

const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/** The `iby_` series a worker exports: what its activities did to the data, counted where it happened. */
export function createDomainMetrics(registry: Registry) {
  const registers = [registry];
  return {
    activitySeconds: new Histogram({
      name: 'iby_activity_duration_seconds',
      help: 'Activity executions by type, task queue and outcome',
      labelNames: ['activity', 'task_queue', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    rowsRead: new Counter({
      name: 'iby_rows_read_total',
      help: 'Rows read from raw files',
      labelNames: ['source'],
      registers,
    }),
    rowsLoaded: new Counter({
      name: 'iby_rows_loaded_total',
      help: 'Valid rows loaded into Postgres (inserted, updated or already equal)',
      labelNames: ['source'],
      registers,
    }),
    rowsWritten: new Counter({
      name: 'iby_rows_written_total',
      help: 'Rows a load changed in Postgres, by outcome (inserted, updated, unchanged)',
      labelNames: ['source', 'outcome'],
      registers,
    }),
    rowsRejected: new Counter({
      name: 'iby_rows_rejected_total',
      help: 'Rows rejected by validation, by reason',
      labelNames: ['source', 'reason'],
      registers,
    }),
    rowsFlagged: new Counter({
      name: 'iby_rows_flagged_total',
      help: 'Rows kept with a quality flag, by flag',
      labelNames: ['source', 'flag'],
      registers,
    }),
    rowsFiltered: new Counter({
      name: 'iby_rows_filtered_total',
      help: 'Valid rows outside the requested date range',
      labelNames: ['source'],
      registers,
    }),
    loadSeconds: new Histogram({
      name: 'iby_load_duration_seconds',
      help: 'Duration of batch loads into Postgres',
      labelNames: ['source', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    analysisSeconds: new Histogram({
      name: 'iby_analysis_duration_seconds',
      help: 'Duration of analysis activities, by activity',
      labelNames: ['activity', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    }),
    providerRequests: new Counter({
      name: 'iby_provider_requests_total',
      help: 'HTTP requests to data providers, by provider host and status (error when no response came)',
      labelNames: ['provider', 'status'],
      registers,
    }),
    providerThrottles: new Counter({
      name: 'iby_provider_throttles_total',
      help: 'Provider answers that ask us to slow down (429, or 503 with Retry-After)',
      labelNames: ['provider'],
      registers,
    }),
  };
}

export type DomainMetrics = ReturnType<typeof createDomainMetrics>;
