import { createObjectStore } from '../infra/s3';
import { createCsvSource } from '../sources/csv';
import { createStooqSource } from '../sources/stooq';
import { createEtlWorkers } from './etl-workers';
import { runWorkerProcess } from './shared/run-worker-process';

runWorkerProcess('etl', ({ config, connection, activityInterceptor }) =>
  createEtlWorkers({
    connection,
    namespace: config.temporal.namespace,
    s3: createObjectStore(config.s3),
    sources: {
      csv: createCsvSource({ maxLineBytes: config.maxLineBytes }),
      stooq: createStooqSource({ baseUrl: config.stooq.url, requestsPerSecond: config.stooq.requestsPerSecond }),
    },
    stooqRequestsPerSecond: config.stooq.requestsPerSecond,
    maxLineBytes: config.maxLineBytes,
    interceptors: { activity: [activityInterceptor] },
  }),
);
