import type Redis from 'ioredis';

/** A client's count in its window after this request, and the window's milliseconds left. */
export type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

/**
 * Takes `size` counts of a client's window at once: the window's counter goes up by `size`, and starts its expiry
 * when this lease opened it (or when it has none, so a key can never outlive its window). Returns the counter after
 * the lease and the window's milliseconds left.
 */
const LEASE_SCRIPT = `
  local size = tonumber(ARGV[2])
  local count = redis.call('INCRBY', KEYS[1], size)
  local ttl = redis.call('PTTL', KEYS[1])
  if count == size or ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
  end
  return {count, ttl}
`;

type LeaseCommand = (
  key: string,
  windowMs: number,
  size: number,
  cb: (err: Error | null, r?: number[]) => void,
) => void;

/** The share of a limit one lease takes: a hundredth, so a replica's unused lease refuses others at most 1% early. */
export const leaseSize = (max: number): number => Math.max(1, Math.floor(max / 100));

/** Lease entries kept before the ones of ended windows are dropped. */
const PRUNE_ABOVE = 10_000;

/** A run of counts this replica owns in a client's window: it hands out `next`…`last`, then leases again. */
interface Lease {
  next: number;
  last: number;
  resetAt: number;
}

/**
 * One limit per client across every API replica, counted in Redis — but not one Redis round trip per request: a
 * replica leases a hundredth of the client's limit at once (a limit of 1 to 199 per minute leases one count, so it is
 * exact) and counts down from it in memory until it is used up or the window ends. A request is never let through
 * beyond the limit: every count handed out was counted in Redis first. What a lease leaves unused when its window
 * ends is at most 1% of the limit per replica, by which a client may be refused early elsewhere. Once the window's
 * counter is past the limit, the replica refuses the client without asking Redis until the window ends.
 */
export class LeasedRedisStore {
  private readonly leases = new Map<string, Lease>();
  /** Requests waiting for a lease being taken: one Redis call per client at a time, however many requests. */
  private readonly waiting = new Map<string, Callback[]>();
  private readonly lease: LeaseCommand;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly now: () => number = Date.now,
  ) {
    const commands = redis as unknown as { ibyRateLimitLease?: LeaseCommand };
    if (!commands.ibyRateLimitLease) redis.defineCommand('ibyRateLimitLease', { numberOfKeys: 1, lua: LEASE_SCRIPT });
    this.lease = (commands.ibyRateLimitLease as LeaseCommand).bind(redis);
  }

  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    const now = this.now();
    const lease = this.leases.get(key);
    if (lease && lease.resetAt > now) {
      const ttl = lease.resetAt - now;
      if (lease.next <= lease.last) return callback(null, { current: lease.next++, ttl });
      // The window's counter reached the limit: no replica can hand out another count before it ends.
      if (lease.last >= max) return callback(null, { current: lease.last + 1, ttl });
    }
    const queue = this.waiting.get(key);
    if (queue) {
      queue.push(callback);
      return;
    }
    const waiting = [callback];
    this.waiting.set(key, waiting);
    const size = leaseSize(max);
    this.lease(this.prefix + key, timeWindow, size, (err, result) => {
      this.waiting.delete(key);
      if (err || !result) {
        const error = err ?? new Error('the rate-limit lease returned nothing');
        for (const cb of waiting) cb(error);
        return;
      }
      const [count, ttl] = result;
      this.leases.set(key, { next: count - size + 1, last: count, resetAt: this.now() + ttl });
      this.prune();
      // In arrival order: each takes the next count; those beyond this lease take another.
      for (const cb of waiting) this.incr(key, cb, timeWindow, max);
    });
  }

  private prune(): void {
    if (this.leases.size <= PRUNE_ABOVE) return;
    const now = this.now();
    for (const [key, lease] of this.leases) if (lease.resetAt <= now) this.leases.delete(key);
  }
}
