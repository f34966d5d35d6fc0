import { createProviderHealthStore } from '../infra/provider-health';
import { createRedis } from '../infra/redis';
import { createObjectStore } from '../infra/s3';
import { createAutoSource } from '../sources/auto';
import { createCsvSource } from '../sources/csv';
import { createSecSource } from '../sources/sec';
import { createFredSource } from '../sources/fred';
import { createPriceProviders, providerRequestsPerSecond, providersWithoutApiKey } from '../sources/providers';
import { createEtlWorkers } from './etl-workers';
import { runWorkerProcess } from './shared/run-worker-process';

runWorkerProcess('etl', ({ config, connection, logger, activityInterceptor, tuning, providerFetch, onClose }) => {
  const redis = createRedis(config.redis.url, { logger });
  onClose(() => Promise.resolve(redis.disconnect()));
  // Said at start, so a missing key is seen before a run fails on it; the worker still serves every other source.
  for (const { provider, variable } of providersWithoutApiKey(config)) {
    logger.warn({ provider, variable }, `${variable} is not set: ${provider} runs fail (ProviderNotConfigured)`);
  }
  return createEtlWorkers({
    connection,
    namespace: config.temporal.namespace,
    s3: createObjectStore(config.s3),
    sources: {
      csv: createCsvSource({ maxLineBytes: config.maxLineBytes }),
      auto: createAutoSource(config.priceProviderOrder),
      // Config holds each provider's settings under its name, so a new provider needs no change here.
      ...createPriceProviders(config),
    },
    providerRequestsPerSecond: providerRequestsPerSecond(config),
    fetch: providerFetch,
    providerHealth: createProviderHealthStore(redis, { logger }),
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
  });
});
