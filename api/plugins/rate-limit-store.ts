import type Redis from 'ioredis';
import { LeasedRedisStore, type Counted } from './leased-rate-limit-store';

/** Counts a client's requests in its window; answers synchronously whenever it can. */
export interface RateLimitStore {
  incr(key: string, windowMs: number, max: number, counted: (result: Counted) => void): void;
}

const NAMESPACE = 'iby:rate-limit:';

/** Clients remembered by the in-memory count: past this, the least recently seen are forgotten. */
const LOCAL_CLIENTS = 10_000;

/**
 * Counts in Redis, so every API replica shares one limit per client (in leases: see LeasedRedisStore); while Redis
 * is not connected (or a command fails) it counts in process memory instead, so the limit still holds, per replica,
 * and requests are not refused.
 */
export function createRateLimitStore(redis: Redis): RateLimitStore {
  // A client that cannot define scripts (a test double) only ever counts locally.
  const shared = typeof redis.defineCommand === 'function' ? new LeasedRedisStore(redis, NAMESPACE) : undefined;
  const local = new LocalCounts(LOCAL_CLIENTS);
  return {
    incr(key, windowMs, max, counted) {
      if (!shared || redis.status !== 'ready') return counted(local.incr(key, windowMs));
      shared.incr(key, (err, result) => counted(err || !result ? local.incr(key, windowMs) : result), windowMs, max);
    },
  };
}

/** Fixed windows per client in memory, the least recently seen forgotten first (Map keeps insertion order). */
export class LocalCounts {
  private readonly windows = new Map<string, { count: number; startedAt: number }>();

  constructor(
    private readonly maxClients: number,
    private readonly now: () => number = Date.now,
  ) {}

  incr(key: string, windowMs: number): Counted {
    const now = this.now();
    let window = this.windows.get(key);
    this.windows.delete(key);
    if (!window || window.startedAt + windowMs <= now) window = { count: 0, startedAt: now };
    window.count++;
    this.windows.set(key, window);
    if (this.windows.size > this.maxClients) this.windows.delete(this.windows.keys().next().value as string);
    return { current: window.count, ttl: window.startedAt + windowMs - now };
  }
}
