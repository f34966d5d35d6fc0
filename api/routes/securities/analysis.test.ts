/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import {
  buildAnalysisDocument,
  analysisVersionKey,
  latestAnalysisKey,
  latestValuesView,
  warmLatestAnalysis,
} from '../../../application/analysis';
import { createCache } from '../../../infra/cache';
import { dailyBars } from '../../../application/analysis/test-support';
import type { AnalysisDocument } from '../../../contracts';
import { upsertAnalysisResult } from '../../../infra/repositories/analysis-results';
import { createRedis } from '../../../infra/redis';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { buildTestApp, CLOSED_REDIS_URL, type TestApp } from '../../test-support/test-app';
import { createTestRedis, type TestRedis } from '../../test-support/test-redis';

let database: TestDatabase;
let cache: TestRedis;
let t: TestApp;
let older: AnalysisDocument;
let latest: AnalysisDocument;

const rowOf = (document: AnalysisDocument, chartKeys: Record<string, string> = {}) => ({
  symbol: document.symbol,
  asOf: document.asOf,
  windowFrom: document.from,
  windowTo: document.to,
  benchmark: 'none',
  frequency: document.frequency,
  // What the analysis activity stores: the latest value of each indicator.
  document: latestValuesView(document),
  chartKeys,
  reportKey: null,
  inputLineage: { symbol: [], benchmark: [] },
  analysisWorkflowId: 'analysis-test',
  analysisRunId: 'run-1',
});

async function store(document: AnalysisDocument, chartKeys: Record<string, string> = {}): Promise<void> {
  await upsertAnalysisResult(database.pool, rowOf(document, chartKeys));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const bars = dailyBars('2017-01-02', 300, 'csv|load-1').map((b) => ({ ...b, symbol: 'BRK.B' }));
  // The bars the stored analyses were computed from: `?series=true` recomputes the series from them.
  await database.pool.query(
    `INSERT INTO price_bars (symbol, date, open, high, low, close, volume, source, workflow_id)
     SELECT 'BRK.B', d, o, h, l, c, v, 'csv', 'load-1'
       FROM unnest($1::date[], $2::float8[], $3::float8[], $4::float8[], $5::float8[], $6::bigint[]) AS t(d, o, h, l, c, v)`,
    [
      bars.map((b) => b.date),
      bars.map((b) => b.open),
      bars.map((b) => b.high),
      bars.map((b) => b.low),
      bars.map((b) => b.close),
      bars.map((b) => b.volume),
    ],
  );
  older = (await buildAnalysisDocument({ series: { symbol: 'BRK.B', bars }, asOf: bars[199].date })).document;
  latest = (await buildAnalysisDocument({ series: { symbol: 'BRK.B', bars } })).document;
  await store(older);
  await store(latest, { price: 'charts/BRK.B/2018-02-23/price.svg' });
  // Storing the same result again replaces it: still two rows.
  await store(latest, { price: 'charts/BRK.B/2018-02-23/price.svg' });
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

const get = (path: string) => t.app.inject({ method: 'GET', url: `/v1/securities/${path}` });

describe('GET /v1/securities/:symbol/analysis', () => {
  it('serves the latest analysis with the latest value of each indicator, then from the cache', async () => {
    expect((await database.pool.query('SELECT count(*)::int AS n FROM analysis_results')).rows[0].n).toBe(2);
    const first = await get('brk.b/analysis');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-cache']).toBe('miss');
    const body = first.json();
    expect(body.asOf).toBe(latest.asOf);
    expect(body.risk).toEqual(latest.risk);
    expect(body.trend).toEqual(latest.trend);
    expect(body.dates).toEqual(latest.dates);
    expect(body.indicators.sma_20).toBe((latest.indicators.sma_20 as number[])[299]);
    const macd = latest.indicators.macd_12_26_9 as Record<string, number[]>;
    expect(Object.keys(macd).length).toBeGreaterThan(1);
    expect(body.indicators.macd_12_26_9).toEqual(
      Object.fromEntries(Object.entries(macd).map(([part, values]) => [part, values[299]])),
    );
    expect(body.charts).toEqual({ price: '/v1/securities/BRK.B/charts/price.svg' });
    expect(body).toMatchObject({ frequency: 'daily', benchmark: null, fundamentals: null, reportUrl: null });
    expect(Object.keys(body).sort()).toEqual(Object.keys(latest).sort());
    // Nothing warmed it: the read filled the entry of version 0.
    expect(await cache.raw.get(`${cache.prefix}${analysisVersionKey('BRK.B')}`)).toBeNull();
    const version = 0;
    expect(await cache.raw.exists(`${cache.prefix}${latestAnalysisKey('BRK.B', version)}`)).toBe(1);

    const second = await get('BRK.B/analysis');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.json()).toEqual(body);
  });

  it('gives the full indicator series with ?series=true, and the analysis as of a date with ?asOf', async () => {
    // Stored results keep latest values; the series are recomputed from the bars of the stored window.
    const stored = await database.pool.query(`SELECT document->'indicators'->'sma_20' AS v FROM analysis_results`);
    expect(stored.rows.map((r) => typeof r.v)).toEqual(['number', 'number']);
    const full = (await get('BRK.B/analysis?series=true')).json();
    expect(full.indicators).toEqual(latest.indicators);
    expect(full.dates).toEqual(latest.dates);
    expect(full.risk).toEqual(latest.risk);
    const asOf = (await get(`BRK.B/analysis?asOf=${older.asOf}&series=true`)).json();
    expect(asOf.asOf).toBe(older.asOf);
    expect(asOf.bars).toBe(200);
    expect(asOf.risk).toEqual(older.risk);
    expect(asOf.dates).toEqual(older.dates);
    expect(asOf.indicators).toEqual(older.indicators);
    // A date between two analyses gets the earlier one.
    const between = (await get('BRK.B/analysis?asOf=2017-12-31')).json();
    expect(between.asOf).toBe(older.asOf);
  });

  it('answers 404 with a clear message when there is no analysis, and 400 naming a bad field', async () => {
    const none = await get('AAPL/analysis');
    expect(none.statusCode).toBe(404);
    expect(none.json()).toEqual({
      error: 'not_found',
      message: 'no analysis of AAPL; start one with POST /v1/runs/analysis',
    });
    const early = await get('BRK.B/analysis?asOf=2000-01-01');
    expect(early.statusCode).toBe(404);
    expect(early.json().message).toBe(
      'no analysis of BRK.B as of 2000-01-01 or earlier; start one with POST /v1/runs/analysis',
    );
    const bad = await get('BRK.B/analysis?asOf=2018-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('querystring/asOf');
    const series = await get('BRK.B/analysis?series=maybe');
    expect(series.statusCode).toBe(400);
    expect(series.json().message).toContain('querystring/series');
  });

  it('is documented in the OpenAPI document with its query and response', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const op = doc.paths['/v1/securities/{symbol}/analysis'].get;
    expect(op.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['asOf', 'series', 'symbol']);
    const schema = op.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['risk', 'fundamentals', 'inputs', 'charts']),
    );
  });

  it('warms the cache with the latest result, even when the result just stored is an older one', async () => {
    const deps = { db: database.pool, cache: createCache(cache.redis) };
    expect(await warmLatestAnalysis(deps, 'BRK.B', rowOf(older))).toBe(true);
    await t.app.cacheVersions?.sync();
    const res = await get('BRK.B/analysis');
    expect(res.headers['x-cache']).toBe('hit');
    expect(res.json().asOf).toBe(latest.asOf);
    expect(res.json().charts).toEqual({ price: '/v1/securities/BRK.B/charts/price.svg' });
    expect(await warmLatestAnalysis(deps, 'NONE')).toBe(false);
  });

  it('still answers from Postgres when Redis is down', async () => {
    const dead = createRedis(CLOSED_REDIS_URL);
    const down = await buildTestApp({ clients: { db: database.pool, redis: dead } });
    try {
      const res = await down.app.inject({ method: 'GET', url: '/v1/securities/BRK.B/analysis' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-cache']).toBe('bypass');
      expect(res.json().asOf).toBe(latest.asOf);
    } finally {
      await down.app.close();
      dead.disconnect();
    }
  });
});
