import Redis from 'ioredis';

/**
 * Redis is a cache here: when it is down every call must fail fast instead of queueing,
 * so callers fall back to Postgres at once.
 */
export function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // Without a listener ioredis reports connection errors as unhandled; the cache layer reports misses instead.
  redis.on('error', () => undefined);
  redis.connect().catch(() => undefined);
  return redis;
}
