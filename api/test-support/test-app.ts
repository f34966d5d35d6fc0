import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { Pool } from 'pg';
import type { Config } from '../../config';
import Redis from 'ioredis';
import type { ObjectStore } from '../../infra/s3';
import { buildApp } from '../app';
import type { ApiClients } from '../clients';
import { FakeTemporal } from './fake-temporal';
import { testConfig } from './test-config';

/** A Redis nobody listens on: every command fails at once, as when the cache is down. */
export const CLOSED_REDIS_URL = 'redis://127.0.0.1:1/0';

/** For tests that do not use the cache: a client that never retries, so it leaves no reconnect timer behind. */
export function deadRedis(): Redis {
  const redis = new Redis(CLOSED_REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  return redis;
}

export function fakeObjectStore(bucketExists: () => Promise<boolean> = () => Promise.resolve(true)): ObjectStore {
  return { client: { bucketExists }, bucket: 'iby-test' } as unknown as ObjectStore;
}

/** A pool for tests that must not touch Postgres: any query fails loudly. */
export function unusedPool(): Pool {
  return {
    query: () => Promise.reject(new Error('this test has no database')),
    end: () => Promise.resolve(),
  } as unknown as Pool;
}

export interface TestApp {
  app: FastifyInstance;
  temporal: FakeTemporal;
  config: Config;
}

/** The real app with fakes for whatever the test does not provide; close it with `app.close()`. */
export async function buildTestApp(
  options: {
    config?: Config;
    clients?: Partial<ApiClients>;
    temporal?: FakeTemporal;
    server?: FastifyServerOptions;
  } = {},
): Promise<TestApp> {
  const config = options.config ?? testConfig();
  const temporal = options.temporal ?? new FakeTemporal();
  const redis = options.clients?.redis ?? deadRedis();
  const app = await buildApp({
    config,
    // Fastify's 10 s plugin deadline is for a server that hangs; a loaded test machine can take longer to load one.
    server: { pluginTimeout: 60_000, ...options.server },
    clients: {
      db: unusedPool(),
      s3: fakeObjectStore(),
      temporal: temporal.asClient(),
      ...options.clients,
      redis,
    },
  });
  if (!options.clients?.redis) app.addHook('onClose', () => redis.disconnect());
  return { app, temporal, config };
}
