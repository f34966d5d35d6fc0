import { createTestRedis, type TestRedis } from '../test-support/test-redis';
import { leaseSize, LeasedRedisStore } from './leased-rate-limit-store';

const MINUTE = 60_000;

let redis: TestRedis;
beforeEach(() => {
  redis = createTestRedis();
});
afterEach(() => redis.cleanup());

const count = (store: LeasedRedisStore, key: string, max: number, windowMs = MINUTE) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(
      key,
      (err, result) => (err || !result ? reject(err ?? new Error('no result')) : resolve(result)),
      windowMs,
      max,
    ),
  );

/** Requests one after the other until the store refuses one; how many it let through. */
async function allowedUntilRefused(store: LeasedRedisStore, key: string, max: number, windowMs = MINUTE) {
  let allowed = 0;
  while ((await count(store, key, max, windowMs)).current <= max) allowed++;
  return allowed;
}

const counter = async (key: string): Promise<number> => Number(await redis.redis.get(`lim:${key}`));

describe('LeasedRedisStore', () => {
  it('leases a hundredth of the limit per Redis call, and counts down from it in memory', async () => {
    const store = new LeasedRedisStore(redis.redis, 'lim:');
    const currents = [];
    for (let i = 0; i < 10; i++) currents.push((await count(store, 'client', 300)).current);
    expect(leaseSize(300)).toBe(3);
    expect(currents).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Four leases of three: the tenth request opened the fourth.
    expect(await counter('client')).toBe(12);
  });

  it('takes one lease for requests that arrive while it is being taken', async () => {
    const store = new LeasedRedisStore(redis.redis, 'lim:');
    const currents = await Promise.all(Array.from({ length: 10 }, () => count(store, 'client', 300)));
    expect(currents.map((c) => c.current)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await counter('client')).toBe(12);
  });

  it('never lets more than the limit through across replicas, and refuses at most a lease early', async () => {
    const max = 300;
    const a = new LeasedRedisStore(redis.redis, 'lim:');
    const b = new LeasedRedisStore(redis.redis, 'lim:');
    for (let i = 0; i < 4; i++) expect((await count(a, 'client', max)).current).toBeLessThanOrEqual(max);
    const throughB = await allowedUntilRefused(b, 'client', max);
    // A holds two counts of its second lease unused: B gets everything else.
    expect(4 + throughB).toBe(max - 2);
    expect(throughB + 4).toBeGreaterThanOrEqual(max - (leaseSize(max) - 1));
    // A finishes its lease, then is refused as well.
    expect(await allowedUntilRefused(a, 'client', max)).toBe(2);
  });

  it('is exact for small limits: one count per lease', async () => {
    const a = new LeasedRedisStore(redis.redis, 'lim:');
    const b = new LeasedRedisStore(redis.redis, 'lim:');
    expect([(await count(a, 'c', 3)).current, (await count(b, 'c', 3)).current]).toEqual([1, 2]);
    expect((await count(a, 'c', 3)).current).toBe(3);
    expect((await count(b, 'c', 3)).current).toBeGreaterThan(3);
  });

  it('refuses a client past its limit without asking Redis, until the window ends', async () => {
    // The replica's clock is the test's: its window ends when the test says, not a round trip after Redis's.
    let clock = Date.now();
    const store = new LeasedRedisStore(redis.redis, 'lim:', () => clock);
    const windowMs = 400;
    expect(await allowedUntilRefused(store, 'c', 2, windowMs)).toBe(2);
    await redis.redis.set('lim:c', '0', 'KEEPTTL');
    // Redis would now let it through, but the replica knows the window is used up.
    expect((await count(store, 'c', 2, windowMs)).current).toBeGreaterThan(2);
    while ((await redis.redis.pttl('lim:c')) > 0) await new Promise((r) => setTimeout(r, 20));
    clock += windowMs;
    const after = await count(store, 'c', 2, windowMs);
    expect(after.current).toBe(1);
    expect(after.ttl).toBeGreaterThan(0);
    expect(after.ttl).toBeLessThanOrEqual(windowMs);
  });

  it('passes a Redis failure to every request waiting for the lease', async () => {
    const broken = new LeasedRedisStore(redis.redis, 'lim:');
    await redis.redis.set('lim:c', 'not a number');
    const results = await Promise.allSettled([count(broken, 'c', 300), count(broken, 'c', 300)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
