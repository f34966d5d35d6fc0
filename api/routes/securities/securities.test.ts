/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import type { Pool } from 'pg';
import type { SecuritySummary } from '../../../contracts';
import { createCache, invalidatePriceCaches, invalidateSecuritiesList } from '../../../infra/cache';
import { createRedis } from '../../../infra/redis';
import { buildTestApp, CLOSED_REDIS_URL, type TestApp } from '../../test-support/test-app';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../test-support/test-redis';

let database: TestDatabase;
let cache: TestRedis;
let t: TestApp;

async function seed(db: Pool): Promise<void> {
  await db.query(`INSERT INTO securities (symbol, name, exchange) VALUES
    ('AAPL', 'Apple Inc.', 'NASDAQ'), ('BRK.B', 'Berkshire Hathaway', 'NYSE'), ('NEW', NULL, NULL)`);
  await db.query(`INSERT INTO price_bars (symbol, date, open, high, low, close, adj_close, volume, flags, source, workflow_id) VALUES
    ('AAPL', '2017-02-03', 128.31, 129.19, 128.16, 128.53, NULL, 24539624, '{}', 'csv', 'w1'),
    ('AAPL', '2017-02-08', 131.35, 132.22, 131.22, 132.04, NULL, 23004072, '{}', 'csv', 'w1'),
    ('AAPL', '2018-02-05', 159.1, 163.88, 156, 156.49, NULL, 72738522, '{}', 'csv', 'w1'),
    ('AAPL', '2018-02-06', 154.83, 163.72, 154, 163.03, NULL, 68243838, '{}', 'csv', 'w1'),
    ('AAPL', '2018-02-07', NULL, 163.4, 159.07, 159.54, NULL, 0, '{missing_open,zero_volume}', 'csv', 'w1'),
    ('BRK.B', '2018-02-07', 201, 203, 199.5, 202.1, 202.1, 4000000, '{}', 'csv', 'w1')`);
  // Only the latest analysis of a symbol counts; a recorded split is no quality flag, a suspected bad bar is.
  await storeAnalysis(db, 'AAPL', '2018-02-06', { annual_volatility: 0.9, sharpe: -1, max_drawdown: -0.5 }, 'down');
  await storeAnalysis(db, 'AAPL', '2018-02-07', { annual_volatility: 0.25, sharpe: 1.2, max_drawdown: -0.3 }, 'up');
  await db.query(`INSERT INTO corporate_actions (symbol, ex_date, kind, ratio, source, status, reason) VALUES
    ('AAPL', '2018-02-06', 'bad_bar', 1.04, 'detector', 'suspected', 'suspected_bad_bar'),
    ('AAPL', '2014-06-09', 'split', 7, 'yahoo', 'recorded', NULL)`);
}

/** A stored analysis as the analysis worker writes it; the list reads only `risk` and `trend` of its document. */
async function storeAnalysis(
  db: Pool,
  symbol: string,
  asOf: string,
  risk: Record<string, unknown>,
  trend: string,
): Promise<void> {
  await db.query(
    `INSERT INTO analysis_results (symbol, as_of, window_from, window_to, benchmark, frequency, document,
                                   input_lineage, analysis_workflow_id, analysis_run_id)
     VALUES ($1, $2, '2017-02-03', $2, 'none', 'daily', $3, '{}', 'analysis-1', 'run-1')`,
    [symbol, asOf, JSON.stringify({ symbol, asOf, risk: { total_return: 0.1, ...risk }, trend: { label: trend } })],
  );
}

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.pool);
});
afterAll(() => database.drop());

beforeEach(async () => {
  cache = createTestRedis();
  t = await buildTestApp({ clients: { db: database.pool, redis: cache.redis } });
});
afterEach(async () => {
  await t.app.close();
  await cache.cleanup();
});

const prices = (path: string) => t.app.inject({ method: 'GET', url: `/v1/securities/${path}` });

const NO_FIGURES = {
  lastClose: null,
  return1y: null,
  analysisAsOf: null,
  volatility: null,
  sharpe: null,
  maxDrawdown: null,
  trend: null,
  flags: {},
};

describe('GET /v1/securities', () => {
  it('lists every security with its bars, its latest analysis and its quality flags, and caches the list', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/v1/securities' });
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    const [aapl, brk, fresh] = first.json().securities;
    expect(aapl).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc.',
      exchange: 'NASDAQ',
      currency: 'USD',
      firstDate: '2017-02-03',
      lastDate: '2018-02-07',
      bars: 5,
      lastClose: 159.54,
      // 2017-02-03 is the last bar on or before 2017-02-07, a year before the last bar.
      return1y: expect.closeTo(159.54 / 128.53 - 1, 12),
      analysisAsOf: '2018-02-07',
      volatility: 0.25,
      sharpe: 1.2,
      maxDrawdown: -0.3,
      trend: 'up',
      flags: { missing_open: 1, zero_volume: 1, suspected_bad_bar: 1 },
    });
    expect(brk).toEqual({
      symbol: 'BRK.B',
      name: 'Berkshire Hathaway',
      exchange: 'NYSE',
      currency: 'USD',
      firstDate: '2018-02-07',
      lastDate: '2018-02-07',
      bars: 1,
      ...NO_FIGURES,
      lastClose: 202.1,
    });
    expect(fresh).toEqual({
      symbol: 'NEW',
      name: null,
      exchange: null,
      currency: 'USD',
      firstDate: null,
      lastDate: null,
      bars: 0,
      ...NO_FIGURES,
    });
    const second = await t.app.inject({ method: 'GET', url: '/v1/securities' });
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.json()).toEqual(first.json());

    await invalidatePriceCaches(cache.redis, ['AAPL']);
    await t.app.cacheVersions?.sync();
    expect((await t.app.inject({ method: 'GET', url: '/v1/securities' })).headers['x-cache']).toBe('miss');
  });

  it('shows an analysis stored after the list was cached once the analysis invalidates the list', async () => {
    const list = async () =>
      (await t.app.inject({ method: 'GET', url: '/v1/securities' })).json<{ securities: SecuritySummary[] }>()
        .securities[1];
    expect((await list()).sharpe).toBeNull();
    await storeAnalysis(database.pool, 'BRK.B', '2018-02-07', { annual_volatility: null, sharpe: 0.7 }, 'sideways');
    try {
      // Cached: the new analysis is not there yet.
      expect((await list()).sharpe).toBeNull();
      expect(await invalidateSecuritiesList(createCache(cache.redis))).toBe(true);
      await t.app.cacheVersions?.sync();
      expect(await list()).toMatchObject({
        analysisAsOf: '2018-02-07',
        volatility: null,
        sharpe: 0.7,
        maxDrawdown: null,
        trend: 'sideways',
      });
    } finally {
      await database.pool.query(`DELETE FROM analysis_results WHERE symbol = 'BRK.B'`);
    }
  });
});

describe('GET /v1/securities/:symbol/prices', () => {
  it('returns the bars of a range in date order, with flags and nulls', async () => {
    const res = await prices('aapl/prices?from=2018-02-06&to=2018-02-07');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      symbol: 'AAPL',
      from: '2018-02-06',
      to: '2018-02-07',
      bars: [
        {
          date: '2018-02-06',
          open: 154.83,
          high: 163.72,
          low: 154,
          close: 163.03,
          adjClose: null,
          volume: 68243838,
          flags: [],
        },
        {
          date: '2018-02-07',
          open: null,
          high: 163.4,
          low: 159.07,
          close: 159.54,
          adjClose: null,
          volume: 0,
          flags: ['missing_open', 'zero_volume'],
        },
      ],
      adjust: 'none',
      factorsApplied: 0,
    });
  });

  it('serves symbols with dots and open ranges', async () => {
    const body = (await prices('BRK.B/prices')).json();
    expect(body).toMatchObject({ symbol: 'BRK.B', from: null, to: null });
    expect(body.bars.map((b: { date: string }) => b.date)).toEqual(['2018-02-07']);
  });

  it('reads through the cache: miss, then hit from Redis, then miss again after invalidation', async () => {
    const miss = await prices('AAPL/prices?from=2018-02-05');
    expect(miss.headers['x-cache']).toBe('miss');
    expect(await cache.raw.exists(`${cache.prefix}prices:AAPL:v0:2018-02-05:end:none`)).toBe(1);
    expect(await cache.raw.ttl(`${cache.prefix}prices:AAPL:v0:2018-02-05:end:none`)).toBeGreaterThan(3500);

    // Proof the hit comes from the cache: change the database behind its back.
    await database.pool.query(`UPDATE price_bars SET close = 999 WHERE symbol = 'AAPL' AND date = '2018-02-05'`);
    const hit = await prices('AAPL/prices?from=2018-02-05');
    expect(hit.headers['x-cache']).toBe('hit');
    expect(hit.json()).toEqual(miss.json());

    await invalidatePriceCaches(cache.redis, ['AAPL']);
    await t.app.cacheVersions?.sync();
    expect(await cache.redis.get('prices:version:AAPL')).toBe('1');
    const fresh = await prices('AAPL/prices?from=2018-02-05');
    expect(fresh.headers['x-cache']).toBe('miss');
    expect(fresh.json().bars[0].close).toBe(999);
    expect(await cache.raw.exists(`${cache.prefix}prices:AAPL:v1:2018-02-05:end:none`)).toBe(1);
    await database.pool.query(`UPDATE price_bars SET close = 156.49 WHERE symbol = 'AAPL' AND date = '2018-02-05'`);
  });

  it('serves the stored bytes again from memory, with an ETag that a revalidation answers with 304', async () => {
    const miss = await prices('AAPL/prices?from=2018-02-06');
    const key = `prices:AAPL:v0:2018-02-06:end:none`;
    expect(await cache.redis.get(key)).toBe(miss.body);
    // Gone from Redis, still in this process's memory under the same version: served without asking for it.
    await cache.redis.del(key);
    const fromMemory = await prices('AAPL/prices?from=2018-02-06');
    expect(fromMemory.headers['x-cache']).toBe('hit');
    expect(fromMemory.body).toBe(miss.body);
    expect(fromMemory.headers.etag).toBe(miss.headers.etag);

    const url = '/v1/securities/AAPL/prices?from=2018-02-06';
    const revalidated = await t.app.inject({ url, headers: { 'if-none-match': miss.headers.etag as string } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    // A load moves the version on: a new key, so a new body and ETag even though memory held the old one.
    await database.pool.query(`UPDATE price_bars SET close = 999 WHERE symbol = 'AAPL' AND date = '2018-02-06'`);
    await invalidatePriceCaches(cache.redis, ['AAPL']);
    await t.app.cacheVersions?.sync();
    const changed = await t.app.inject({ url, headers: { 'if-none-match': miss.headers.etag as string } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(miss.headers.etag);
    expect(changed.json().bars[0].close).toBe(999);
    await database.pool.query(`UPDATE price_bars SET close = 163.03 WHERE symbol = 'AAPL' AND date = '2018-02-06'`);
  });

  it('answers 200 with no bars for a known symbol outside its range, and 404 for an unknown symbol', async () => {
    const empty = await prices('NEW/prices');
    expect(empty.statusCode).toBe(200);
    expect(empty.json().bars).toEqual([]);
    const unknown = await prices('ZZZZ/prices');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'not_found', message: 'no security with symbol ZZZZ' });
  });

  it.each([
    ['AAPL/prices?adjust=dividends', 'querystring/adjust must be equal to one of the allowed values'],
    ['AAPL/prices?from=2018-13-01', 'querystring/from must match format "date"'],
    ['AAPL/prices?to=yesterday', 'querystring/to must match format "date"'],
    ['AAPL/prices?from=2018-03-01&to=2018-02-01', 'querystring/from must not be after querystring/to'],
    ['BAD$SYMBOL/prices', 'params/symbol must match pattern'],
  ])('answers 400 naming the field for %s', async (path, message) => {
    const res = await prices(path);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('bad_request');
    expect(res.json().message).toContain(message);
  });
});

describe('GET /v1/securities/:symbol/prices?adjust=', () => {
  // A 2-for-1 split on 2018-02-06 and a dividend of 1.6303 on 2018-02-07 (1 % of the previous close, 163.03).
  beforeEach(async () => {
    await database.pool.query(`INSERT INTO corporate_actions (symbol, ex_date, kind, ratio, cash_amount, source, status)
      VALUES ('AAPL', '2018-02-06', 'split', 2, NULL, 'test', 'recorded'),
             ('AAPL', '2018-02-07', 'dividend', NULL, 1.6303, 'test', 'recorded')`);
    // A suspicion is no recorded action: it never adjusts a price.
    await database.pool.query(`INSERT INTO corporate_actions (symbol, ex_date, kind, ratio, source, status, reason)
      VALUES ('AAPL', '2018-02-07', 'unexplained_move', 1.5, 'detector', 'suspected', 'suspected_corporate_action')`);
  });
  afterEach(() =>
    database.pool.query(
      `DELETE FROM corporate_actions WHERE symbol = 'AAPL' AND (source = 'test' OR kind = 'unexplained_move')`,
    ),
  );
  // The three bars of February 2018 (the seed also holds two a year earlier, for the list's 1-year return).

  const closes = (body: { bars: { close: number }[] }) => body.bars.map((b) => b.close);

  it('defaults to none: the stored bars, saying so', async () => {
    const body = (await prices('AAPL/prices?from=2018-02-01')).json();
    expect(body).toMatchObject({ adjust: 'none', factorsApplied: 0 });
    expect(closes(body)).toEqual([156.49, 163.03, 159.54]);
  });

  it('splits: prices before the split halve and the volume doubles; the dividend is left out', async () => {
    const res = await prices('AAPL/prices?from=2018-02-01&adjust=splits');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ symbol: 'AAPL', adjust: 'splits', factorsApplied: 1 });
    expect(body.bars[0]).toEqual({
      date: '2018-02-05',
      open: 79.55,
      high: 81.94,
      low: 78,
      close: 78.245,
      adjClose: null,
      volume: 145477044,
      flags: [],
    });
    expect(body.bars.slice(1).map((b: { close: number; volume: number }) => [b.close, b.volume])).toEqual([
      [163.03, 68243838],
      [159.54, 0],
    ]);
  });

  it('total: the dividend also scales every earlier price by 0.99, not the volume', async () => {
    const body = (await prices('AAPL/prices?from=2018-02-01&adjust=total')).json();
    expect(body).toMatchObject({ adjust: 'total', factorsApplied: 2 });
    const [first, second, third] = closes(body);
    expect(first).toBeCloseTo(156.49 * 0.5 * 0.99, 10);
    expect(second).toBeCloseTo(163.03 * 0.99, 10);
    expect(third).toBe(159.54);
    expect(body.bars[1].volume).toBe(68243838);
  });

  it('is in terms of the last bar of the range: a later action does not apply', async () => {
    const body = (await prices('AAPL/prices?from=2018-02-01&to=2018-02-06&adjust=total')).json();
    expect(body).toMatchObject({ to: '2018-02-06', adjust: 'total', factorsApplied: 1 });
    expect(closes(body)).toEqual([78.245, 163.03]);
  });

  it('caches the adjusted series until the next load, which records actions before it moves the version on', async () => {
    const first = await prices('AAPL/prices?from=2018-02-06&adjust=total');
    expect(first.headers['x-cache']).toBe('miss');
    expect(first.json()).toMatchObject({ factorsApplied: 1 });
    await database.pool.query(`DELETE FROM corporate_actions WHERE symbol = 'AAPL' AND kind = 'dividend'`);
    const cached = await prices('AAPL/prices?from=2018-02-06&adjust=total');
    expect(cached.headers['x-cache']).toBe('hit');
    expect(cached.json()).toEqual(first.json());
    // A load that records actions invalidates the symbol after recording them, as this does.
    await invalidatePriceCaches(cache.redis, ['AAPL']);
    await t.app.cacheVersions?.sync();
    const after = await prices('AAPL/prices?from=2018-02-06&adjust=total');
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json()).toMatchObject({ factorsApplied: 0 });
    expect(closes(after.json())).toEqual([163.03, 159.54]);
  });
});

describe('with Redis down', () => {
  it('still serves prices from Postgres, marked bypass, without waiting on Redis', async () => {
    const deadCache = createRedis(CLOSED_REDIS_URL);
    const down = await buildTestApp({ clients: { db: database.pool, redis: deadCache } });
    try {
      await down.app.ready();
      const started = performance.now();
      const res = await down.app.inject({ method: 'GET', url: '/v1/securities/AAPL/prices?from=2018-02-07' });
      const elapsedMs = performance.now() - started;
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-cache']).toBe('bypass');
      expect(res.json().bars).toHaveLength(1);
      // The test config lets a cache command take 10 s: a read that waited on the dead Redis would take that
      // long; failing fast takes milliseconds, so half the timeout separates the two on any machine.
      expect(elapsedMs).toBeLessThan(5_000);
      const list = await down.app.inject({ method: 'GET', url: '/v1/securities' });
      expect(list.headers['x-cache']).toBe('bypass');
      expect(list.json().securities).toHaveLength(3);
    } finally {
      await down.app.close();
      deadCache.disconnect();
    }
  });
});
