import type { FastifyInstance } from 'fastify';
import type Redis from 'ioredis';
import { buildApp } from '../../api/app';
import { loadConfig } from '../../config';
import { createRedis } from '../../infra/redis';
import { startEtlHarness, type EtlHarness } from './etl-harness';
import { SHARED_DATA } from './shared-data';

export const SCHEDULES_API_KEY = 'schedules-key';

export interface SchedulesStack {
  harness: EtlHarness;
  app: FastifyInstance;
  stop(): Promise<void>;
}

/** Real workers, a fresh database and bucket, and the API on them: what schedule tests drive. */
export async function startSchedulesStack(): Promise<SchedulesStack> {
  const harness = await startEtlHarness();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: harness.dbUrl,
    S3_BUCKET: harness.s3.bucket,
    IMPORT_ROOTS: SHARED_DATA,
    API_KEYS: SCHEDULES_API_KEY,
  });
  const redis: Redis = createRedis('redis://127.0.0.1:6379/9');
  const app = await buildApp({
    config,
    clients: { db: harness.db, temporal: harness.client, s3: harness.s3, redis },
  });
  return {
    harness,
    app,
    async stop() {
      await app.close();
      redis.disconnect();
      await harness.stop();
    },
  };
}

/** Polls until `check` returns a value (visibility and schedules are eventually consistent). */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
