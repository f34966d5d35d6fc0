import type Redis from 'ioredis';
import { createTestRedis, type TestRedis } from '../../api/test-support/test-redis';
import { deadRedis } from '../../api/test-support/test-app';
import { createCache, withTimeout } from './cache';
import { invalidatePriceCaches, priceRangeEntry, priceRangeKey } from './price-cache';
import { invalidateSecuritiesList, SECURITIES_LIST_VERSION_KEY, securitiesListEntry } from './securities-cache';
import { VersionWatch } from './version-watch';
import { currentKey } from './versioned';
import { parseVersionMessage, versionsChannel } from './versions';

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

  it('stores text as it is and counts versions up from 1', async () => {
    const cache = createCache(t.redis, LIVE);
    expect(await cache.setText('t', '{"a": 1 }', 60)).toBe(true);
    expect(await cache.getString('t')).toBe('{"a": 1 }');
    expect(await cache.nextVersion('v')).toBe(1);
    expect(await cache.nextVersion('v')).toBe(2);
    expect(await cache.getString('v')).toBe('2');
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
    expect(await cache.setText('k', '1', 60)).toBe(false);
    expect(await cache.nextVersion('k')).toBeUndefined();
    expect(debug).toHaveBeenCalledTimes(6);
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
  it('keys ranges by symbol, version, bounds and adjustment', () => {
    expect(priceRangeKey('AAPL', 3, { from: '2018-01-01', to: '2018-12-31', adjust: 'total' })).toBe(
      'prices:AAPL:v3:2018-01-01:2018-12-31:total',
    );
    expect(priceRangeKey('^GSPC', 0)).toBe('prices:^GSPC:v0:start:end:none');
  });

  it('reads under the current version and moves to the next one after invalidation', async () => {
    const cache = createCache(t.redis, LIVE);
    const entry = priceRangeEntry('AAPL', { from: '2018-01-01' });
    expect(await currentKey(cache, entry)).toBe('prices:AAPL:v0:2018-01-01:end:none');

    await invalidatePriceCaches(t.redis, ['AAPL', 'MSFT', 'AAPL']);
    expect(await t.redis.get('prices:version:AAPL')).toBe('1');
    expect(await t.redis.get('prices:version:MSFT')).toBe('1');
    expect(await t.redis.get(SECURITIES_LIST_VERSION_KEY)).toBe('1');
    expect(await currentKey(cache, entry)).toBe('prices:AAPL:v1:2018-01-01:end:none');
  });

  it('reports bypass without a key when Redis is down, and invalidation rejects so the caller can retry', async () => {
    const redis = deadRedis();
    expect(await currentKey(createCache(redis), priceRangeEntry('AAPL'))).toBeUndefined();
    await expect(invalidatePriceCaches(redis, ['AAPL'])).rejects.toThrow();
    redis.disconnect();
  });

  it('gives up on invalidation when Redis is connected but does not answer (paused), after the timeout', async () => {
    const evaluate = jest.fn(() => new Promise(() => undefined));
    const hung = { eval: evaluate, options: {} } as unknown as Pick<Redis, 'eval' | 'options'>;
    const started = performance.now();
    await expect(invalidatePriceCaches(hung, ['AAPL'], 100)).rejects.toThrow('timed out after 100 ms');
    expect(performance.now() - started).toBeLessThan(500);
    expect(evaluate).toHaveBeenCalledWith(
      expect.any(String),
      2,
      'prices:version:AAPL',
      SECURITIES_LIST_VERSION_KEY,
      'prices:version:AAPL',
      SECURITIES_LIST_VERSION_KEY,
      'cache:versions',
    );
  });
});

describe('version announcements', () => {
  it('announces each bump on the prefixed channel, which a watch hears and trusts while subscribed', async () => {
    const watch = new VersionWatch(t.redis.duplicate(), { maxAgeMs: 60_000 });
    await watch.subscription();
    expect(subscribedTo(watch)).toBe(true);
    const heard: string[] = [];
    const listener = t.redis.duplicate();
    await listener.subscribe(versionsChannel(t.redis));
    listener.on('message', (_channel, message: string) => heard.push(message));
    expect(versionsChannel(t.redis)).toBe(`${t.prefix}cache:versions`);

    await invalidatePriceCaches(t.redis, ['AAPL', 'MSFT', 'AAPL']);
    await waitFor(() => heard.length === 1);
    expect(parseVersionMessage(heard[0])).toEqual([
      ['prices:version:AAPL', 1],
      ['prices:version:MSFT', 1],
      [SECURITIES_LIST_VERSION_KEY, 1],
    ]);
    await waitFor(() => watch.known('prices:version:MSFT') === 1);
    expect(await t.raw.get(`${t.prefix}prices:version:MSFT`)).toBe('1');

    // A read answered before a bump but learnt after it does not take the version back.
    watch.learn('prices:version:MSFT', 0);
    expect(watch.known('prices:version:MSFT')).toBe(1);
    expect(await createCache(t.redis, LIVE).nextVersion(SECURITIES_LIST_VERSION_KEY)).toBe(2);
    await waitFor(() => watch.known(SECURITIES_LIST_VERSION_KEY) === 2);

    // Disconnected, it forgets: announcements made meanwhile would be lost.
    watch.close();
    await waitFor(() => watch.known('prices:version:MSFT') === undefined);
    listener.disconnect();
  });

  it('forgets a version older than its maximum age, and a stale larger one yields to a fresh read', () => {
    let now = 0;
    const subscriber = t.redis.duplicate();
    const watch = new VersionWatch(subscriber, { maxAgeMs: 100, now: () => now });
    (watch as unknown as { subscribed: boolean }).subscribed = true;
    watch.learn('k', 7);
    now = 50;
    expect(watch.known('k')).toBe(7);
    now = 151;
    expect(watch.known('k')).toBeUndefined();
    watch.learn('k', 7);
    now = 300;
    watch.learn('k', 1); // Redis lost its counters and counts again
    expect(watch.known('k')).toBe(1);
    watch.close();
  });
});

const subscribedTo = (watch: VersionWatch) => (watch as unknown as { subscribed: boolean }).subscribed;

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('securities list cache', () => {
  it('reads under the current version, which a load or an analysis moves on', async () => {
    const cache = createCache(t.redis, LIVE);
    expect(await currentKey(cache, securitiesListEntry)).toBe('securities:list:v0');
    expect(await invalidateSecuritiesList(cache)).toBe(true);
    expect(await currentKey(cache, securitiesListEntry)).toBe('securities:list:v1');
    await invalidatePriceCaches(t.redis, ['AAPL']);
    expect(await currentKey(cache, securitiesListEntry)).toBe('securities:list:v2');
  });

  it('reports bypass without a key when Redis is down, and the invalidation reports false', async () => {
    const redis = deadRedis();
    const cache = createCache(redis);
    expect(await currentKey(cache, securitiesListEntry)).toBeUndefined();
    expect(await invalidateSecuritiesList(cache)).toBe(false);
    redis.disconnect();
  });
});
