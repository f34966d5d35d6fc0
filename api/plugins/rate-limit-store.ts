import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type Redis from 'ioredis';
import { LeasedRedisStore } from './leased-rate-limit-store';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

// The plugin's own in-memory store, which it does not export as a typed module.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LocalStore = require('@fastify/rate-limit/store/LocalStore') as StoreCtor<[boolean, boolean, number]>;
type StoreCtor<A extends unknown[]> = new (...args: A) => FastifyRateLimitStore;

const NAMESPACE = 'iby:rate-limit:';

/**
 * Counts in Redis, so every API replica shares one limit per client (in leases: see LeasedRedisStore); while Redis
 * is not connected (or a command fails) it counts in process memory instead, so the limit still holds, per replica,
 * and requests are not refused.
 */
export function fallbackStore(redis: Redis): new () => FastifyRateLimitStore {
  class FallbackStore implements FastifyRateLimitStore {
    // The plugin constructs the store with its options object; children are made by `child` with their parts.
    // A client that cannot define scripts (a test double) only ever counts locally.
    private shared?: FastifyRateLimitStore =
      typeof redis.defineCommand === 'function' ? new LeasedRedisStore(redis, NAMESPACE) : undefined;
    private local: FastifyRateLimitStore = new LocalStore(false, false, 10_000);

    incr(key: string, callback: Callback, timeWindow: number, max: number): void {
      if (!this.shared || redis.status !== 'ready') return this.local.incr(key, callback, timeWindow, max);
      this.shared.incr(
        key,
        (err, result) => (err ? this.local.incr(key, callback, timeWindow, max) : callback(null, result)),
        timeWindow,
        max,
      );
    }

    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const child = new FallbackStore();
      child.shared = this.shared?.child(routeOptions);
      child.local = this.local.child(routeOptions);
      return child;
    }
  }
  return FallbackStore;
}
