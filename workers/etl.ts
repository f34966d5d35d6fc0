import { createObjectStore } from '../infra/s3';
import { createCsvSource } from '../sources/csv';
import { createSecSource } from '../sources/sec';
import { createPriceProviders, providerRequestsPerSecond } from '../sources/providers';
import { createEtlWorkers } from './etl-workers';
import { runWorkerProcess } from './shared/run-worker-process';

runWorkerProcess('etl', ({ config, connection, activityInterceptor, tuning, providerFetch }) =>
  createEtlWorkers({
    connection,
    namespace: config.temporal.namespace,
    s3: createObjectStore(config.s3),
    sources: {
      csv: createCsvSource({ maxLineBytes: config.maxLineBytes }),
      // Config holds each provider's settings under its name, so a new provider needs no change here.
      ...createPriceProviders(config),
    },
    providerRequestsPerSecond: providerRequestsPerSecond(config),
    fetch: providerFetch,
    sec: {
      source: createSecSource({
        baseUrl: config.sec.url,
        tickersUrl: config.sec.tickersUrl,
        userAgent: config.sec.userAgent,
      }),
      requestsPerSecond: config.sec.requestsPerSecond,
    },
    maxLineBytes: config.maxLineBytes,
    interceptors: { activity: [activityInterceptor] },
    tuning: tuning(),
  }),
);
