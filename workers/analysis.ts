import { fundamentalsFrom } from '../application/analysis';
import { fundamentalsReportAsOf } from '../application/fundamentals/stored-fundamentals';
import { createCache } from '../infra/cache';
import { createPool } from '../infra/db/pool';
import { createRedis } from '../infra/redis';
import { createObjectStore } from '../infra/s3';
import { createAnalysisWorkers } from './analysis-workers';
import { runWorkerProcess } from './shared/run-worker-process';

runWorkerProcess('analysis', async ({ config, connection, logger, activityInterceptor, onClose }) => {
  // The data worker owns the schema and migrates it; this worker only reads bars and writes results.
  const db = createPool(config.db.url);
  onClose(() => db.end());
  const redis = createRedis(config.redis.url);
  onClose(() => Promise.resolve(redis.disconnect()));
  return createAnalysisWorkers({
    connection,
    namespace: config.temporal.namespace,
    db,
    cache: createCache(redis, { logger }),
    // The point-in-time facts the fundamentals ETL loads: analyses carry ratios as of their date.
    fundamentals: fundamentalsFrom((symbol, asOf, price) => fundamentalsReportAsOf(db, symbol, asOf, price)),
    // Charts and tearsheets go to the bucket the data worker creates at start-up.
    s3: createObjectStore(config.s3),
    interceptors: { activity: [activityInterceptor] },
  });
});
