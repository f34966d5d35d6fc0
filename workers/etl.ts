import { createObjectStore } from '../infra/s3';
import { createCsvSource } from '../sources/csv';
import { createSecSource } from '../sources/sec';
import { createFredSource } from '../sources/fred';
import { createPriceProviders } from '../sources/providers';
import { createEtlWorkers } from './etl-workers';
import { runWorkerProcess } from './shared/run-worker-process';

runWorkerProcess('etl', ({ config, connection, activityInterceptor, tuning, providerFetch }) =>
  createEtlWorkers({
    connection,
    namespace: config.temporal.namespace,
    s3: createObjectStore(config.s3),
    sources: {
      csv: createCsvSource({ maxLineBytes: config.maxLineBytes }),
      ...createPriceProviders({ stooq: config.stooq, yahoo: config.yahoo }),
    },
    providerRequestsPerSecond: { stooq: config.stooq.requestsPerSecond, yahoo: config.yahoo.requestsPerSecond },
    fetch: providerFetch,
    sec: {
      source: createSecSource({
        baseUrl: config.sec.url,
        tickersUrl: config.sec.tickersUrl,
        userAgent: config.sec.userAgent,
      }),
      requestsPerSecond: config.sec.requestsPerSecond,
    },
    fred: {
      source: createFredSource({ baseUrl: config.fred.url, apiKey: config.fred.apiKey }),
      requestsPerSecond: config.fred.requestsPerSecond,
    },
    maxLineBytes: config.maxLineBytes,
    interceptors: { activity: [activityInterceptor] },
    tuning: tuning(),
  }),
);
