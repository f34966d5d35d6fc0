import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { deadRedis } from '../../api/test-support/test-app';
import { loadConfig } from '../../config';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { SHARED_DATA } from '../support/shared-data';

export const DASHBOARD_API_KEY = 'dashboard-key';

export interface DashboardStack {
  harness: EtlHarness;
  app: FastifyInstance;
  /** The API's base URL on its free port. */
  base: string;
  stop(): Promise<void>;
}

/**
 * Real workers, a fresh database and bucket, and the API (with the built dashboard) listening on a free port.
 * The API runs without its Redis cache: the harness's workers do not invalidate it after a load, and its keys are
 * shared by every test using that Redis database, so a cached securities list would show another test's data.
 */
export async function startDashboardStack(): Promise<DashboardStack> {
  const harness = await startEtlHarness();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: harness.dbUrl,
    S3_BUCKET: harness.s3.bucket,
    IMPORT_ROOTS: SHARED_DATA,
    API_KEYS: DASHBOARD_API_KEY,
  });
  const redis = deadRedis();
  const app = await buildApp({ config, clients: { db: harness.db, temporal: harness.client, s3: harness.s3, redis } });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    harness,
    app,
    base,
    async stop() {
      await app.close();
      redis.disconnect();
      await harness.stop();
    },
  };
}
