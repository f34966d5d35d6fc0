import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, type Worker } from '@temporalio/worker';
import { buildApp } from '../../api/app';
import { loadConfig } from '../../config';
import { FAILURE_TYPES, type IngestMacroResult, type MacroObservation } from '../../contracts';
import { datedReturns, sharpeRatio, sortinoRatio } from '../../domain/finance/risk';
import { perPeriodRiskFree } from '../../domain/macro';
import { createCache } from '../../infra/cache';
import { createAnalysisWorkers } from '../../workers/analysis-workers';
import { ingestPrices } from '../../workflows/ingest-prices';
import { createTestRedis, type TestRedis } from '../../api/test-support/test-redis';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { startFredServer, type FredServer, type FredVintage } from '../support/fred-server';
import { recordHistory } from '../support/record-history';

const API_KEY = 'fred-it-key';
const FRED_KEY = 'fred-test-api-key';
const OPEN = '9999-12-31';

// CPI for January 2020 first published 2020-02-13 as 258.8; FRED still serves it as current at first.
const CPI_FIRST: FredVintage[] = [
  { date: '2020-01-01', value: '258.8', realtimeStart: '2020-02-13', realtimeEnd: OPEN },
];
// Then the March release revises January and publishes February; March is out later with no value (".").
const CPI_REVISED: FredVintage[] = [
  { date: '2020-01-01', value: '258.8', realtimeStart: '2020-02-13', realtimeEnd: '2020-03-10' },
  { date: '2020-01-01', value: '259.0', realtimeStart: '2020-03-11', realtimeEnd: OPEN },
  { date: '2020-02-01', value: '259.2', realtimeStart: '2020-03-11', realtimeEnd: OPEN },
  { date: '2020-03-01', value: '.', realtimeStart: '2020-04-14', realtimeEnd: OPEN },
];
const DGS10: FredVintage[] = [
  { date: '2020-01-02', value: '1.88', realtimeStart: '2020-01-03', realtimeEnd: OPEN },
  { date: '2020-01-03', value: '1.80', realtimeStart: '2020-01-06', realtimeEnd: OPEN },
  { date: '2020-01-20', value: '.', realtimeStart: '2020-01-21', realtimeEnd: OPEN },
];

// February's unemployment rate, published 2020-03-06 and never revised: fetched as "today" on two days.
const UNRATE: FredVintage[] = [{ date: '2020-02-01', value: '3.5', realtimeStart: '2020-03-06', realtimeEnd: OPEN }];

/** Weekdays from 2020-01-02 to 2020-02-28: the bar dates of RFX. */
const BAR_DATES = (() => {
  const dates: string[] = [];
  for (let t = Date.parse('2020-01-02'); t <= Date.parse('2020-02-28'); t += 86_400_000) {
    const day = new Date(t).getUTCDay();
    if (day !== 0 && day !== 6) dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
})();
const CLOSES = BAR_DATES.map((_, i) => Number((50 + i * 0.2 + 2 * Math.sin(i / 3)).toFixed(4)));
// The 3-month bill: one yield a business day from 2019-12-31, published the next day; MLK day is ".". The
// 2020-01-15 yield is revised on 2020-03-05, after the analysis date: the analysis must not see it.
const DGS3MO: FredVintage[] = [
  { date: '2019-12-31', value: '1.55', realtimeStart: '2020-01-02', realtimeEnd: OPEN },
  ...BAR_DATES.map((date, i) => {
    const value = date === '2020-01-20' ? '.' : (1.56 - i * 0.005).toFixed(3);
    const published = BAR_DATES[i + 1] ?? '2020-03-02';
    return date === '2020-01-15'
      ? { date, value, realtimeStart: published, realtimeEnd: '2020-03-04' }
      : { date, value, realtimeStart: published, realtimeEnd: OPEN };
  }),
  { date: '2020-01-15', value: '3.50', realtimeStart: '2020-03-05', realtimeEnd: OPEN },
];

let fred: FredServer;
let harness: EtlHarness;
let cache: TestRedis;
let connection: NativeConnection;
let workers: Worker[];
let running: Promise<void>[];
let app: FastifyInstance;
let tmp: string;

beforeAll(async () => {
  fred = await startFredServer({
    apiKey: FRED_KEY,
    series: { CPIAUCSL: CPI_FIRST, DGS10, DGS3MO, UNRATE },
    // DGS10 is throttled once: Temporal retries it after Retry-After.
    faults: { DGS10: [{ status: 429, retryAfter: '1' }] },
  });
  harness = await startEtlHarness({ fred: { url: fred.url, apiKey: FRED_KEY } });
  cache = createTestRedis();
  connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS as string });
  workers = await createAnalysisWorkers({
    connection,
    namespace: 'default',
    db: harness.db,
    cache: createCache(cache.redis),
    workflowBundle: await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows'),
      logger: new DefaultLogger('WARN'),
    }),
  });
  running = workers.map((w) => w.run());
  app = await buildApp({
    config: loadConfig({
      ...process.env,
      DATABASE_URL: harness.dbUrl,
      S3_BUCKET: harness.s3.bucket,
      API_KEYS: API_KEY,
    }),
    clients: { db: harness.db, temporal: harness.client, s3: harness.s3, redis: cache.redis },
  });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'iby-fred-'));
});

afterAll(async () => {
  await app?.close();
  workers?.forEach((w) => w.shutdown());
  await Promise.allSettled(running ?? []);
  await connection?.close();
  await cache?.cleanup();
  await harness?.stop();
  await fred?.close();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

async function startMacro(payload: Record<string, unknown>, idempotencyKey: string): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/runs/macro',
    headers: { 'x-api-key': API_KEY, 'idempotency-key': idempotencyKey },
    payload,
  });
  expect(res.statusCode).toBe(202);
  return res.json<{ workflowId: string }>().workflowId;
}

async function finished(workflowId: string): Promise<{ outcome: string; kind: string; result: IngestMacroResult }> {
  await harness.client.workflow.getHandle(workflowId).result();
  const res = await app.inject({ method: 'GET', url: `/v1/runs/${encodeURIComponent(workflowId)}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const bySeries = (result: IngestMacroResult) =>
  Object.fromEntries(result.series.map(({ seriesId, ...counts }) => [seriesId, counts]));

async function asOf(series: string, query: string): Promise<MacroObservation[]> {
  const res = await app.inject({ method: 'GET', url: `/v1/macro/${series}?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json<{ observations: MacroObservation[] }>().observations;
}

const period = { realtimeStart: '2019-01-01', realtimeEnd: OPEN };

describe('FRED macro series through the API, Temporal and Postgres, point in time', () => {
  it('loads each series with exact counts, retries the throttle, fails the unknown series alone, keeps revisions', async () => {
    const first = await startMacro({ series: ['CPIAUCSL', 'dgs10', 'NOPE', 'DGS3MO'], ...period }, 'fred-it-1');
    const run1 = await finished(first);
    recordHistory(first, 'ingest-macro-with-unknown-series');
    recordHistory(`${first}/DGS10`, 'ingest-macro-series-throttled-then-loaded');
    expect(run1.kind).toBe('macro');
    expect(run1.outcome).toBe('partial');
    expect(run1.result).toMatchObject({ batches: 4, batchesFailed: 1, seriesLoaded: 3 });
    expect(run1.result.failures).toEqual([
      { batchKey: 'NOPE', symbols: ['NOPE'], type: FAILURE_TYPES.unknownSeries, message: 'FRED has no series NOPE' },
    ]);
    expect(bySeries(run1.result)).toEqual({
      CPIAUCSL: { observations: 1, missing: 0, newRows: 1, revisions: 0, closedVintages: 0, extendedVintages: 0 },
      DGS10: { observations: 3, missing: 1, newRows: 3, revisions: 0, closedVintages: 0, extendedVintages: 0 },
      DGS3MO: { observations: 44, missing: 1, newRows: 44, revisions: 1, closedVintages: 0, extendedVintages: 0 },
    });
    // One request per series and attempt: DGS10's 429 was retried once, NOPE's 400 was not.
    expect(fred.requests.map((r) => r.seriesId).sort()).toEqual(['CPIAUCSL', 'DGS10', 'DGS10', 'DGS3MO', 'NOPE']);
    expect(fred.requests.every((r) => r.params.realtime_start === '2019-01-01' && r.params.realtime_end === OPEN)).toBe(
      true,
    );
    const { rows: archived } = await harness.db.query<{ raw_key: string }>(
      'SELECT raw_key FROM macro_loads WHERE workflow_id = $1 ORDER BY series_id',
      [first],
    );
    expect(archived.map((r) => r.raw_key)).toEqual([
      expect.stringMatching(/^raw\/fred\/macro\/\d{4}-\d{2}-\d{2}\/[0-9a-f]{64}\.json$/),
      expect.stringMatching(/^raw\/fred\/macro\//),
      expect.stringMatching(/^raw\/fred\/macro\//),
    ]);

    // FRED publishes the March release: January revised (its first vintage closed), February out, March ".".
    fred.series.CPIAUCSL = CPI_REVISED;
    const run2 = await finished(await startMacro({ series: ['CPIAUCSL'], ...period }, 'fred-it-2'));
    expect(run2.outcome).toBe('succeeded');
    expect(bySeries(run2.result)).toEqual({
      CPIAUCSL: { observations: 4, missing: 1, newRows: 3, revisions: 1, closedVintages: 1, extendedVintages: 0 },
    });

    // The same answer again adds nothing.
    const run3 = await finished(await startMacro({ series: ['CPIAUCSL'], ...period }, 'fred-it-3'));
    expect(bySeries(run3.result)).toEqual({
      CPIAUCSL: { observations: 4, missing: 1, newRows: 0, revisions: 0, closedVintages: 0, extendedVintages: 0 },
    });
    const { rows } = await harness.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM macro_observations WHERE series_id = 'CPIAUCSL'`,
    );
    expect(rows).toEqual([{ n: 4 }]);

    // As known before the first release, between it and the revision, after the revision, and today.
    expect(await asOf('CPIAUCSL', 'asOf=2020-02-12')).toEqual([]);
    expect(await asOf('CPIAUCSL', 'asOf=2020-03-10')).toEqual([
      { date: '2020-01-01', value: 258.8, realtimeStart: '2020-02-13', realtimeEnd: '2020-03-10' },
    ]);
    const afterRevision = [
      { date: '2020-01-01', value: 259, realtimeStart: '2020-03-11', realtimeEnd: OPEN },
      { date: '2020-02-01', value: 259.2, realtimeStart: '2020-03-11', realtimeEnd: OPEN },
    ];
    expect(await asOf('CPIAUCSL', 'asOf=2020-03-11')).toEqual(afterRevision);
    const latest = [
      ...afterRevision,
      { date: '2020-03-01', value: null, realtimeStart: '2020-04-14', realtimeEnd: OPEN },
    ];
    expect(await asOf('cpiaucsl', '')).toEqual(latest);
    expect(await asOf('CPIAUCSL', 'from=2020-02-01&to=2020-02-29')).toEqual([latest[1]]);

    // Asked one day at a time (FRED clips the vintage to that day), one vintage stays one row, extended.
    const day1 = await finished(
      await startMacro({ series: ['UNRATE'], realtimeStart: '2020-03-12', realtimeEnd: '2020-03-12' }, 'fred-it-4'),
    );
    expect(bySeries(day1.result)).toEqual({
      UNRATE: { observations: 1, missing: 0, newRows: 1, revisions: 0, closedVintages: 0, extendedVintages: 0 },
    });
    const day2 = await finished(
      await startMacro({ series: ['UNRATE'], realtimeStart: '2020-03-13', realtimeEnd: '2020-03-13' }, 'fred-it-5'),
    );
    expect(bySeries(day2.result)).toEqual({
      UNRATE: { observations: 1, missing: 0, newRows: 0, revisions: 0, closedVintages: 0, extendedVintages: 1 },
    });
    const unrate = [{ date: '2020-02-01', value: 3.5, realtimeStart: '2020-03-12', realtimeEnd: '2020-03-13' }];
    expect(await asOf('UNRATE', 'asOf=2020-03-13')).toEqual(unrate);
    expect(await asOf('UNRATE', 'asOf=2020-03-11')).toEqual([]);

    // Clear errors: a series never loaded, a range that ends before it starts, a bad date, a bad body.
    const missing = await app.inject({ method: 'GET', url: '/v1/macro/NOPE' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ message: string }>().message).toContain('series NOPE has not been loaded');
    const backwards = await app.inject({ method: 'GET', url: '/v1/macro/CPIAUCSL?from=2020-03-01&to=2020-01-01' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ message: string }>().message).toContain('querystring/to');
    expect((await app.inject({ method: 'GET', url: '/v1/macro/CPIAUCSL?asOf=2020-02-30' })).statusCode).toBe(400);
    const noSeries = await app.inject({
      method: 'POST',
      url: '/v1/runs/macro',
      headers: { 'x-api-key': API_KEY },
      payload: { series: [] },
    });
    expect(noSeries.statusCode).toBe(400);
    expect(noSeries.json<{ message: string }>().message).toContain('series');

    // The runs list shows the macro runs by kind.
    const listed = await app.inject({ method: 'GET', url: '/v1/runs?kind=macro' });
    expect(listed.json<{ runs: { workflowId: string; kind: string }[] }>().runs.map((r) => r.workflowId)).toContain(
      first,
    );
  });

  it('analyses with DGS3MO as the risk-free rate, as known on the analysis date', async () => {
    const csv = path.join(tmp, 'RFX.csv');
    const lines = BAR_DATES.map(
      (date, i) => `${date},${CLOSES[i]},${CLOSES[i] + 1},${CLOSES[i] - 1},${CLOSES[i]},1000`,
    );
    await fs.writeFile(csv, ['Date,Open,High,Low,Close,Volume', ...lines].join('\n') + '\n');
    await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId: `fred-it-prices-${Date.now()}`,
      args: [{ source: 'csv', path: csv }],
    });

    const asOfDate = '2020-02-28';
    const started = await app.inject({
      method: 'POST',
      url: '/v1/runs/analysis',
      headers: { 'x-api-key': API_KEY },
      payload: {
        symbols: ['RFX'],
        benchmark: 'none',
        asOf: asOfDate,
        riskFreeSeries: 'dgs3mo',
        artifacts: 'on-demand',
      },
    });
    expect(started.statusCode).toBe(202);
    const { workflowId } = started.json<{ workflowId: string }>();
    expect(await harness.client.workflow.getHandle(workflowId).result()).toMatchObject({ symbolsAnalysed: 1 });

    const res = await app.inject({ method: 'GET', url: '/v1/securities/RFX/analysis' });
    expect(res.statusCode).toBe(200);
    const document = res.json<{
      periodsPerYear: number;
      risk: { sharpe: number; sortino: number };
      riskFree: unknown;
    }>();
    expect(document.periodsPerYear).toBe(252);

    // The library with the yields FRED had published by the analysis date: the 2020-01-15 revision is later.
    const known = DGS3MO.filter((v) => v.realtimeStart <= asOfDate && v.realtimeEnd >= asOfDate).map((v) => ({
      date: v.date,
      value: v.value === '.' ? null : Number(v.value),
    }));
    const returns = datedReturns({ dates: BAR_DATES, values: CLOSES });
    const rates = perPeriodRiskFree('DGS3MO', known, BAR_DATES, 252).slice(1);
    expect(document.risk.sharpe).toBeCloseTo(sharpeRatio(returns.values, rates, 252), 10);
    expect(document.risk.sortino).toBeCloseTo(sortinoRatio(returns.values, rates, 252), 10);
    // With the revised yield the Sharpe would differ: the test tells point in time from latest.
    const revised = DGS3MO.filter((v) => v.realtimeEnd === OPEN).map((v) => ({
      date: v.date,
      value: v.value === '.' ? null : Number(v.value),
    }));
    const latestRates = perPeriodRiskFree('DGS3MO', revised, BAR_DATES, 252).slice(1);
    expect(document.risk.sharpe).not.toBeCloseTo(sharpeRatio(returns.values, latestRates, 252), 6);
    expect(document.riskFree).toMatchObject({
      series: 'DGS3MO',
      source: 'fred',
      asOf: asOfDate,
      // The first bar's own yield (published the next day) was known by the analysis date.
      from: '2020-01-02',
      to: '2020-02-27',
      observations: 40,
    });
  });
});
