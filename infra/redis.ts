import Redis from 'ioredis';

/** Where Redis outages are reported; a pino logger fits. */
export interface RedisFaultLogger {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

const silent: RedisFaultLogger = { warn: () => undefined, info: () => undefined };

/**
 * Redis is a cache here: when it is down every call must fail fast instead of queueing,
 * so callers fall back to Postgres at once.
 *
 * ioredis emits `error` on every failed reconnect attempt; without a listener that kills the process. An outage is
 * logged once when it starts and once when Redis is back, not once per attempt.
 */
export function createRedis(url: string, options: { logger?: RedisFaultLogger } = {}): Redis {
  const logger = options.logger ?? silent;
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    // Commands issued in the same tick share one write and one round trip: under load the API's per-request
    // lookups (rate limit, cache version) cost a fraction of a round trip each.
    enableAutoPipelining: true,
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'redis unavailable');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({}, 'redis available again');
  });
  redis.connect().catch(() => undefined);
  return redis;
}
