import type Redis from 'ioredis';
import { createTestRedis, type TestRedis } from '../../api/test-support/test-redis';
import { deadRedis } from '../../api/test-support/test-app';
import { createCache, withTimeout } from './cache';
import { invalidatePriceCaches, priceRangeKey, readPriceRange } from './price-cache';
import { invalidateSecuritiesList, readSecuritiesList, SECURITIES_LIST_VERSION_KEY } from './securities-cache';

/** For tests of what a live Redis answers: the 100 ms default can pass on a loaded machine (its own test below). */
const LIVE = { commandTimeoutMs: 10_000 };

let t: TestRedis;
beforeEach(() => {
  t = createTestRedis();
});
afterEach(() => t.cleanup());

describe('createCache', () => {
  it('stores JSON with a TTL and reads it back as a hit', async () => {
    const cache = createCache(t.redis, LIVE);
    expect(await cache.getJson('k')).toEqual({ status: 'miss' });
    expect(await cache.setJson('k', { a: [1, 'x'] }, 60)).toBe(true);
    expect(await cache.getJson('k')).toEqual({ status: 'hit', value: { a: [1, 'x'] } });
    expect(await t.raw.ttl(`${t.prefix}k`)).toBeGreaterThan(55);
  });

  it('treats an entry that is not JSON as a miss', async () => {
    await t.redis.set('bad', '{not json');
    expect(await createCache(t.redis, LIVE).getJson('bad')).toEqual({ status: 'miss' });
  });

  it('never throws when Redis is down: reads bypass, writes report false, and both log at debug', async () => {
    const redis = deadRedis();
    const debug = jest.fn<void, [object, string]>();
    const cache = createCache(redis, { logger: { debug } });
    expect(await cache.getJson('k')).toEqual({ status: 'bypass' });
    expect(await cache.getString('k')).toBeUndefined();
    expect(await cache.setJson('k', 1, 60)).toBe(false);
    expect(await cache.increment('k')).toBe(false);
    expect(debug).toHaveBeenCalledTimes(4);
    expect(debug.mock.calls[0][1]).toBe('cache unavailable');
    redis.disconnect();
  });

  it('gives up on a Redis that does not answer after the command timeout', async () => {
    const hung = { get: () => new Promise(() => undefined) } as unknown as Redis;
    const started = performance.now();
    expect(await createCache(hung, { commandTimeoutMs: 50 }).getJson('k')).toEqual({ status: 'bypass' });
    // The command never settles, so answering at all is the timeout at work; it must not answer before it.
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('withTimeout passes a fast result through', async () => {
    await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
    await expect(withTimeout(Promise.reject(new Error('no')), 50)).rejects.toThrow('no');
  });
});

describe('price cache', () => {
  it('keys ranges by symbol, version and bounds', () => {
    expect(priceRangeKey('AAPL', 3, '2018-01-01', '2018-12-31')).toBe('prices:AAPL:v3:2018-01-01:2018-12-31');
    expect(priceRangeKey('^GSPC', 0)).toBe('prices:^GSPC:v0:start:end');
  });

  it('reads under the current version and moves to the next one after invalidation', async () => {
    const cache = createCache(t.redis, LIVE);
    const before = await readPriceRange(cache, 'AAPL', '2018-01-01');
    expect(before).toEqual({ key: 'prices:AAPL:v0:2018-01-01:end', read: { status: 'miss' } });
    await cache.setJson(before.key!, { bars: [1] }, 60);
    expect((await readPriceRange(cache, 'AAPL', '2018-01-01')).read).toEqual({ status: 'hit', value: { bars: [1] } });

    await invalidatePriceCaches(t.redis, ['AAPL', 'MSFT', 'AAPL']);
    expect(await t.redis.get('prices:version:AAPL')).toBe('1');
    expect(await t.redis.get('prices:version:MSFT')).toBe('1');
    expect(await t.redis.get(SECURITIES_LIST_VERSION_KEY)).toBe('1');
    expect(await readPriceRange(cache, 'AAPL', '2018-01-01')).toEqual({
      key: 'prices:AAPL:v1:2018-01-01:end',
      read: { status: 'miss' },
    });
  });

  it('reports bypass without a key when Redis is down, and invalidation rejects so the caller can retry', async () => {
    const redis = deadRedis();
    expect(await readPriceRange(createCache(redis), 'AAPL')).toEqual({ read: { status: 'bypass' } });
    await expect(invalidatePriceCaches(redis, ['AAPL'])).rejects.toThrow();
    redis.disconnect();
  });

  it('gives up on invalidation when Redis is connected but does not answer (paused), after the timeout', async () => {
    const pipeline = { incr: jest.fn(), exec: () => new Promise(() => undefined) };
    const hung = { multi: () => pipeline } as unknown as Pick<Redis, 'multi'>;
    const started = performance.now();
    await expect(invalidatePriceCaches(hung, ['AAPL'], 100)).rejects.toThrow('timed out after 100 ms');
    expect(performance.now() - started).toBeLessThan(500);
    expect(pipeline.incr).toHaveBeenCalledWith('prices:version:AAPL');
  });
});

describe('securities list cache', () => {
  it('reads under the current version, which a load or an analysis moves on', async () => {
    const cache = createCache(t.redis, LIVE);
    const before = await readSecuritiesList(cache);
    expect(before).toEqual({ key: 'securities:list:v0', read: { status: 'miss' } });
    await cache.setJson(before.key!, { securities: [] }, 60);
    expect((await readSecuritiesList(cache)).read).toEqual({ status: 'hit', value: { securities: [] } });

    expect(await invalidateSecuritiesList(cache)).toBe(true);
    expect(await readSecuritiesList(cache)).toEqual({ key: 'securities:list:v1', read: { status: 'miss' } });
    await invalidatePriceCaches(t.redis, ['AAPL']);
    expect((await readSecuritiesList(cache)).key).toBe('securities:list:v2');
  });

  it('reports bypass without a key when Redis is down, and the invalidation reports false', async () => {
    const redis = deadRedis();
    const cache = createCache(redis);
    expect(await readSecuritiesList(cache)).toEqual({ read: { status: 'bypass' } });
    expect(await invalidateSecuritiesList(cache)).toBe(false);
    redis.disconnect();
  });
});
