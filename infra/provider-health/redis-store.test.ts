import { createTestRedis, type TestRedis } from '../../api/test-support/test-redis';
import { deadRedis } from '../../api/test-support/test-app';
import { createProviderHealthStore } from './redis-store';

const LIVE = { commandTimeoutMs: 10_000 };
const at = (iso: string) => new Date(iso);

let t: TestRedis;
beforeEach(() => {
  t = createTestRedis();
});
afterEach(() => t.cleanup());

describe('the provider health store', () => {
  it('counts requests, throttles and failures per provider over the hours of the window', async () => {
    const store = createProviderHealthStore(t.redis, LIVE);
    await store.record('yahoo', { kind: 'throttled', symbol: 'MSFT' }, at('2026-12-03T10:59:00Z'));
    await store.record('yahoo', { kind: 'success', symbol: 'MSFT' }, at('2026-12-03T11:00:00Z'));
    await store.record('yahoo', { kind: 'failed', symbol: 'ZZZZ' }, at('2026-12-03T12:30:00Z'));
    await store.record('stooq', { kind: 'success', symbol: 'IBM' }, at('2026-12-03T12:31:00Z'));
    // 25 hours before the read: outside a 24-hour window.
    await store.record('yahoo', { kind: 'failed', symbol: 'OLD' }, at('2026-12-02T11:45:00Z'));

    expect(await store.read('yahoo', 24, at('2026-12-03T12:45:00Z'))).toEqual({
      requests: 3,
      throttles: 1,
      failures: 1,
      lastSuccess: { at: '2026-12-03T11:00:00.000Z', symbol: 'MSFT' },
    });
    expect(await store.read('yahoo', 2, at('2026-12-03T12:45:00Z'))).toMatchObject({ requests: 2, throttles: 0 });
    expect(await store.read('stooq', 24, at('2026-12-03T12:45:00Z'))).toEqual({
      requests: 1,
      throttles: 0,
      failures: 0,
      lastSuccess: { at: '2026-12-03T12:31:00.000Z', symbol: 'IBM' },
    });
  });

  it('lets each hourly bucket expire on its own, a little after the window', async () => {
    await createProviderHealthStore(t.redis, LIVE).record('yahoo', { kind: 'success', symbol: 'A' }, new Date());
    const [bucket] = (await t.raw.keys(`${t.prefix}provider-health:yahoo:2*`)).map((k) => k);
    const ttl = await t.raw.ttl(bucket);
    expect(ttl).toBeGreaterThan(24 * 3600);
    expect(ttl).toBeLessThanOrEqual(25 * 3600);
  });

  it('records nothing but never rejects when Redis is down, and a read then rejects', async () => {
    const redis = deadRedis();
    const warn = jest.fn();
    try {
      const store = createProviderHealthStore(redis, { commandTimeoutMs: 200, logger: { warn } });
      await expect(store.record('yahoo', { kind: 'success', symbol: 'A' })).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(
        expect.objectContaining({ provider: 'yahoo', outcome: 'success' }),
        'provider health not recorded',
      );
      await expect(store.read('yahoo', 24)).rejects.toThrow();
    } finally {
      redis.disconnect();
    }
  });
});
