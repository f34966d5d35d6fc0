import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';

const REDIS_URL = process.env.IBY_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/7';

export interface TestRedis {
  redis: Redis;
  prefix: string;
  /** Raw access without the prefix, to check what the app wrote. */
  raw: Redis;
  cleanup(): Promise<void>;
}

/** Real Redis on db 7 with a unique key prefix, so parallel test files and other users do not collide. */
export function createTestRedis(): TestRedis {
  const prefix = `iby-test-api-${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL, { keyPrefix: prefix, maxRetriesPerRequest: 1 });
  const raw = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  return {
    redis,
    prefix,
    raw,
    async cleanup() {
      const keys = await raw.keys(`${prefix}*`);
      if (keys.length) await raw.del(...keys);
      redis.disconnect();
      raw.disconnect();
    },
  };
}
