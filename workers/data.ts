import { invalidatePriceCaches } from '../infra/cache';
import { createPool, poolSettings } from '../infra/db/pool';
import { ensureDatabase } from '../infra/db/ensure-database';
import { runMigrations } from '../infra/db/migrate';
import { createRedis } from '../infra/redis';
import { createObjectStore, ensureBucket } from '../infra/s3';
import { createDataWorkers } from './data-workers';
import { runWorkerProcess } from './shared/run-worker-process';

runWorkerProcess('data', async ({ config, connection, logger, activityInterceptor, tuning, onClose }) => {
  // The data worker owns the schema: it migrates before it takes any load (unless a setup job did, as in compose).
  if (config.db.migrateOnStart) await ensureDatabase(config.db.url);
  const db = createPool(config.db.url, config.db.poolMax, { ...poolSettings(config.db, 'data-worker'), logger });
  onClose(() => db.end());
  if (config.db.migrateOnStart) {
    const applied = await runMigrations(db);
    if (applied.length) logger.info({ applied }, 'applied migrations');
  }
  const s3 = createObjectStore(config.s3);
  await ensureBucket(s3, config.s3.region);
  const redis = createRedis(config.redis.url, { logger });
  onClose(() => Promise.resolve(redis.disconnect()));
  return createDataWorkers({
    connection,
    namespace: config.temporal.namespace,
    db,
    s3,
    invalidatePrices: (symbols) => invalidatePriceCaches(redis, symbols),
    interceptors: { activity: [activityInterceptor] },
    tuning: tuning(),
  });
});
