import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { DEMO_DATA_DIR, loadConfig } from '../../config';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, type Worker } from '@temporalio/worker';
import {
  analyzeBars,
  analysisVersionKey,
  latestAnalysisKey,
  latestValuesView,
  pickAnalyzeJson,
  toAnalyzeJson,
  withIndicatorSeries,
} from '../../application/analysis';
import type {
  AnalyzeBatchResult,
  IngestPricesRequest,
  IngestPricesResult,
  PriceBar,
  SecuritySummary,
} from '../../contracts';
import { DEFAULT_INDICATORS } from '../../domain/finance/indicators';
import { inferPeriodsPerYear, oneYearReturn } from '../../domain/finance/risk';
import { parsePrices } from '../../domain/prices';
import { createCache, invalidatePriceCaches } from '../../infra/cache';
import { readLatestAnalysis } from '../../infra/repositories/analysis-results';
import { readAnalysisBars } from '../../infra/repositories/analysis-bars';
import { createAnalysisWorkers } from '../../workers/analysis-workers';
import { analyzeBatch } from '../../workflows/analyze-batch';
import { ingestPrices } from '../../workflows/ingest-prices';
import { createTestRedis, type TestRedis } from '../../api/test-support/test-redis';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { recordHistory } from '../support/record-history';
import { sharedData } from '../support/shared-data';

const ALL_STOCKS = sharedData('ohlcv', 'all_stocks_5yr.csv');
const GSPC = sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv');
// Monthly closes of AAPL 2000-2010 (npm start's demo data): loaded beside AAPL's daily bars.
const MONTHLY_STOCKS = path.join(DEMO_DATA_DIR, 'stocks.csv');
// A plain symbol, a dotted one, one with missing opens and holes.
const SYMBOLS = ['AAPL', 'BRK.B', 'DHR'];

let harness: EtlHarness;
let cache: TestRedis;
let workers: Worker[];
let running: Promise<void>[];
let connection: NativeConnection;
let tinyDir: string;
let app: FastifyInstance;
const API_KEY = 'analysis-it-key';
const loads: Record<string, string> = {};

async function load(name: string, request: Omit<IngestPricesRequest, 'source'>): Promise<void> {
  const workflowId = `analysis-it-${name}-${Date.now()}`;
  const result: IngestPricesResult = await harness.client.workflow.execute(ingestPrices, {
    taskQueue: 'etl',
    workflowId,
    args: [{ source: 'csv', ...request }],
  });
  expect(result.batchesFailed).toBe(0);
  loads[name] = workflowId;
}

/** What `iby analyze --json` prints for the library's result: JSON, so -0 is 0. */
const asPrinted = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The bars of one symbol straight from its file, with the project's parser: no Postgres, no Temporal. */
async function fileBars(file: string, symbol: string, fileSymbol?: string): Promise<PriceBar[]> {
  const parse = parsePrices(createReadStream(file), { symbol: fileSymbol, symbols: new Set([symbol]) });
  const bars: PriceBar[] = [];
  for await (const events of parse.events) for (const e of events) if (e.kind === 'bar') bars.push(e.bar);
  return bars.sort((a, b) => (a.date < b.date ? -1 : 1));
}

beforeAll(async () => {
  harness = await startEtlHarness();
  cache = createTestRedis();
  connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS as string });
  const bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: new DefaultLogger('WARN'),
  });
  workers = await createAnalysisWorkers({
    connection,
    namespace: 'default',
    db: harness.db,
    cache: createCache(cache.redis),
    workflowBundle: bundle,
  });
  running = workers.map((w) => w.run());

  tinyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'iby-analysis-'));
  const tiny = path.join(tinyDir, 'TINY.csv');
  await fs.writeFile(
    tiny,
    'Date,Open,High,Low,Close,Volume\n2018-02-06,10,11,9,10.5,100\n2018-02-07,10.5,11,10,10.8,120\n',
  );
  await load('monthly', { path: MONTHLY_STOCKS, symbols: ['AAPL'] });
  await load('daily', { path: ALL_STOCKS, symbols: SYMBOLS });
  await load('gspc', { path: GSPC, symbol: '^GSPC' });
  await load('tiny', { path: tiny });
  app = await buildApp({
    config: loadConfig({
      ...process.env,
      DATABASE_URL: harness.dbUrl,
      S3_BUCKET: harness.s3.bucket,
      API_KEYS: API_KEY,
    }),
    clients: { db: harness.db, temporal: harness.client, s3: harness.s3, redis: cache.redis },
  });
});

afterAll(async () => {
  await app?.close();
  workers?.forEach((w) => w.shutdown());
  await Promise.allSettled(running ?? []);
  await connection?.close();
  await cache?.cleanup();
  await harness?.stop();
  if (tinyDir) await fs.rm(tinyDir, { recursive: true, force: true });
});

describe('analyzeBatch through Temporal on real bars', () => {
  it('stores for each symbol exactly what the library computes on the same bars against ^GSPC', async () => {
    const input = {
      symbols: [...SYMBOLS, 'TINY'],
      benchmark: '^GSPC',
      analysisWorkflowId: 'analysis-it',
      analysisRunId: 'run-1',
      batchKey: 'b0001',
    };
    const result: AnalyzeBatchResult = await harness.client.workflow.execute(analyzeBatch, {
      taskQueue: 'analysis',
      workflowId: `analysis-it-batch-${Date.now()}`,
      args: [input],
    });
    expect(result.analysed.map((a) => a.symbol)).toEqual(SYMBOLS);
    expect(result.failures).toEqual([{ symbol: 'TINY', reason: 'too few bars for TINY: 2, need at least 3' }]);
    // Payloads carry keys and counts: nothing of the documents.
    expect(JSON.stringify(result).length).toBeLessThan(2_000);

    const gspc = await fileBars(GSPC, '^GSPC', '^GSPC');
    for (const symbol of SYMBOLS) {
      const stored = await readLatestAnalysis(harness.db, symbol);
      expect(stored).not.toBeNull();
      const bars = await fileBars(ALL_STOCKS, symbol);
      const library = asPrinted(
        toAnalyzeJson(
          analyzeBars(symbol, bars, {
            indicators: DEFAULT_INDICATORS,
            periodsPerYear: inferPeriodsPerYear(bars.map((b) => b.date)),
            benchmark: gspc,
          }),
        ),
      );
      const document = stored!.document;
      // Stored: each indicator's latest value; the series are recomputed from the window's bars when asked for.
      expect(pickAnalyzeJson(document)).toEqual(pickAnalyzeJson(latestValuesView(library)));
      const withSeries = await withIndicatorSeries((s, to) => readAnalysisBars(harness.db, s, to), stored!, document);
      expect(asPrinted(pickAnalyzeJson(withSeries))).toEqual(library);
      // jsonb keeps keys in its own order; the set is the same.
      expect(Object.keys(document.risk).sort()).toEqual(Object.keys(library.risk).sort());
      expect(document.risk.beta).toEqual(expect.any(Number));
      expect(document).toMatchObject({
        asOf: bars[bars.length - 1].date,
        frequency: 'daily',
        benchmark: { symbol: '^GSPC', bars: gspc.length, from: gspc[0].date, to: gspc[gspc.length - 1].date },
        riskPriceField: 'close',
        fundamentals: null,
        fundamentalsReason: `security ${symbol} has no CIK (load fundamentals with tickers)`,
        charts: {},
        reportUrl: null,
      });
      expect(document.inputs.bars).toBe(bars.length);
      expect(document.inputs.lineage.map((b) => b.workflowId)).toEqual([loads.daily]);
      expect(document.inputs.benchmarkLineage.map((b) => b.workflowId)).toEqual([loads.gspc]);
      expect(stored).toMatchObject({
        benchmark: '^GSPC',
        windowFrom: bars[0].date,
        windowTo: bars[bars.length - 1].date,
        analysisWorkflowId: 'analysis-it',
        analysisRunId: 'run-1',
        chartKeys: {},
        reportKey: null,
      });
      // The cache is warm for the API's first read.
      const version = Number(await cache.raw.get(`${cache.prefix}${analysisVersionKey(symbol)}`));
      expect(version).toBeGreaterThan(0);
      expect(await cache.raw.exists(`${cache.prefix}${latestAnalysisKey(symbol, version)}`)).toBe(1);
    }

    // AAPL also has monthly closes from another load: analysed on its daily bars only, and the document says so.
    const aapl = (await readLatestAnalysis(harness.db, 'AAPL'))!.document;
    expect(aapl.inputs.excluded).toEqual([
      { origin: `csv|${loads.monthly}`, frequency: 'monthly', bars: 123, from: '2000-01-01', to: '2010-03-01' },
    ]);
    // DHR's missing opens are counted, as the file has them.
    const dhr = (await readLatestAnalysis(harness.db, 'DHR'))!.document;
    const missingOpens = (await fileBars(ALL_STOCKS, 'DHR')).filter((b) => b.flags.includes('missing_open')).length;
    expect(missingOpens).toBeGreaterThan(0);
    expect(dhr.inputs.flags.missing_open).toBe(missingOpens);

    // The same batch again replaces the same rows.
    await harness.client.workflow.execute(analyzeBatch, {
      taskQueue: 'analysis',
      workflowId: `analysis-it-batch-again-${Date.now()}`,
      args: [{ ...input, analysisRunId: 'run-2' }],
    });
    const { rows } = await harness.db.query<{ symbol: string; run: string }>(
      'SELECT symbol, analysis_run_id AS run FROM analysis_results ORDER BY symbol',
    );
    expect(rows).toEqual(SYMBOLS.sort().map((symbol) => ({ symbol, run: 'run-2' })));
  });

  it('analyses without a benchmark when asked, as of a date', async () => {
    const result: AnalyzeBatchResult = await harness.client.workflow.execute(analyzeBatch, {
      taskQueue: 'analysis',
      workflowId: `analysis-it-nobench-${Date.now()}`,
      args: [
        {
          symbols: ['AAPL'],
          benchmark: null,
          asOf: '2016-12-30',
          analysisWorkflowId: 'analysis-it',
          analysisRunId: 'run-3',
          batchKey: 'b0001',
        },
      ],
    });
    const bars = (await fileBars(ALL_STOCKS, 'AAPL')).filter((b) => b.date <= '2016-12-30');
    expect(bars).toHaveLength(982);
    expect(result.analysed).toEqual([
      { symbol: 'AAPL', asOf: '2016-12-30', bars: 982, chartKeys: {}, reportKey: null },
    ]);
    const stored = (await readLatestAnalysis(harness.db, 'AAPL', '2016-12-30'))!;
    expect(stored.benchmark).toBe('none');
    expect(stored.document.benchmark).toBeNull();
    expect(stored.document.risk.beta).toBeUndefined();
    expect(pickAnalyzeJson(stored.document)).toEqual(
      pickAnalyzeJson(
        latestValuesView(
          asPrinted(toAnalyzeJson(analyzeBars('AAPL', bars, { indicators: DEFAULT_INDICATORS, periodsPerYear: 252 }))),
        ),
      ),
    );
  });

  it('runs the parent analyze through the API over every daily symbol against ^GSPC, and serves the results', async () => {
    // The securities list is cached before the run; the run's results must show in it all the same.
    await app.inject({ method: 'GET', url: '/v1/securities' });
    expect((await app.inject({ method: 'GET', url: '/v1/securities' })).headers['x-cache']).toBe('hit');
    const started = await app.inject({
      method: 'POST',
      url: '/v1/runs/analysis',
      headers: { 'x-api-key': API_KEY },
      payload: { batchSize: 2 },
    });
    expect(started.statusCode).toBe(202);
    const { workflowId } = started.json<{ workflowId: string }>();
    await harness.client.workflow.getHandle(workflowId).result();
    recordHistory(workflowId, 'analyze-every-daily-symbol');
    recordHistory(`${workflowId}/b0002`, 'analyze-batch-with-too-few-bars');

    const status = (await app.inject({ method: 'GET', url: `/v1/runs/${encodeURIComponent(workflowId)}` })).json<{
      kind: string;
      outcome: string;
      result: Record<string, unknown>;
      progress: Record<string, unknown>;
    }>();
    expect(status.kind).toBe('analysis');
    expect(status.outcome).toBe('succeeded');
    // Every symbol with daily bars: the three stocks, ^GSPC itself and TINY (two daily bars, too few to analyse).
    expect(status.result).toMatchObject({
      batches: 3,
      batchesFailed: 0,
      symbolsAnalysed: 4,
      symbolsFailed: 1,
      symbolFailures: [{ symbol: 'TINY', reason: 'too few bars for TINY: 2, need at least 3' }],
    });
    expect(status.progress).toMatchObject({
      symbolsAnalysed: 4,
      symbolsFailed: 1,
      phase: 'done',
      failuresBySymbol: { TINY: 'not analysable: too few bars for TINY: 2, need at least 3' },
    });

    const res = await app.inject({ method: 'GET', url: '/v1/securities/AAPL/analysis' });
    expect(res.statusCode).toBe(200);
    // The activity warmed the cache: the first read is a hit.
    expect(res.headers['x-cache']).toBe('hit');
    const body = res.json<{
      risk: unknown;
      trend: unknown;
      benchmark: { symbol: string };
      indicators: Record<string, unknown>;
    }>();
    const bars = await fileBars(ALL_STOCKS, 'AAPL');
    const library = asPrinted(
      toAnalyzeJson(
        analyzeBars('AAPL', bars, {
          indicators: DEFAULT_INDICATORS,
          periodsPerYear: 252,
          benchmark: await fileBars(GSPC, '^GSPC', '^GSPC'),
        }),
      ),
    );
    expect(body.risk).toEqual(library.risk);
    expect(body.trend).toEqual(library.trend);
    expect(body.benchmark.symbol).toBe('^GSPC');
    expect(body.indicators.rsi_14).toBe((library.indicators.rsi_14 as (number | null)[]).at(-1));
    const stored = await readLatestAnalysis(harness.db, 'AAPL');
    expect(stored?.analysisWorkflowId).toBe(workflowId);

    const list = await app.inject({ method: 'GET', url: '/v1/securities' });
    expect(list.headers['x-cache']).toBe('miss');
    const aapl = list.json<{ securities: SecuritySummary[] }>().securities.find((s) => s.symbol === 'AAPL');
    expect(aapl).toMatchObject({
      bars: bars.length + 123,
      lastClose: bars.at(-1)!.close,
      return1y: oneYearReturn(bars),
      analysisAsOf: bars.at(-1)!.date,
      volatility: library.risk.annual_volatility,
      sharpe: library.risk.sharpe,
      maxDrawdown: library.risk.max_drawdown,
      trend: library.trend.label,
    });
    expect(aapl?.return1y).toEqual(expect.any(Number));
  });
});

describe('recorded dividends', () => {
  it('analyses on the total-return series when a dividend is recorded, and the API serves the adjusted prices', async () => {
    // As a provider records it: the row, then the symbol's cached bars (and the actions cached with them) dropped.
    await harness.db.query(`INSERT INTO corporate_actions (symbol, ex_date, kind, cash_amount, source, status)
      VALUES ('DHR', '2016-06-29', 'dividend', 0.5, 'test', 'recorded')`);
    await invalidatePriceCaches(cache.redis, ['DHR']);

    const result: AnalyzeBatchResult = await harness.client.workflow.execute(analyzeBatch, {
      taskQueue: 'analysis',
      workflowId: `analysis-it-dividend-${Date.now()}`,
      args: [
        {
          symbols: ['DHR'],
          benchmark: null,
          asOf: '2016-12-30',
          analysisWorkflowId: 'analysis-it',
          analysisRunId: 'run-dividend',
          batchKey: 'b0001',
        },
      ],
    });
    expect(result.failures).toEqual([]);
    const stored = (await readLatestAnalysis(harness.db, 'DHR', '2016-12-30'))!;
    expect(stored.document.riskPriceField).toBe('total_return');
    expect(stored.document.risk.price_field).toBe('total_return');
    const bars = (await fileBars(ALL_STOCKS, 'DHR')).filter((b) => b.date <= '2016-12-30');
    const actions = [{ exDate: '2016-06-29', kind: 'dividend' as const, ratio: null, cashAmount: 0.5 }];
    const library = (withActions: boolean) =>
      pickAnalyzeJson(
        latestValuesView(
          asPrinted(
            toAnalyzeJson(
              analyzeBars('DHR', bars, {
                indicators: DEFAULT_INDICATORS,
                periodsPerYear: 252,
                actions: withActions ? actions : [],
              }),
            ),
          ),
        ),
      );
    expect(pickAnalyzeJson(stored.document)).toEqual(library(true));
    expect(stored.document.risk.total_return).not.toEqual(library(false).risk.total_return);

    const res = await app.inject({
      method: 'GET',
      url: '/v1/securities/DHR/prices?from=2016-06-27&to=2016-06-30&adjust=total',
      headers: { 'x-api-key': API_KEY },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ adjust: string; factorsApplied: number; bars: { date: string; close: number }[] }>();
    expect(body).toMatchObject({ adjust: 'total', factorsApplied: 1 });
    const raw = bars.filter((b) => b.date >= '2016-06-27' && b.date <= '2016-06-30');
    const exIndex = raw.findIndex((b) => b.date >= '2016-06-29');
    const factor = 1 - 0.5 / raw[exIndex - 1].close;
    expect(body.bars.map((b) => b.date)).toEqual(raw.map((b) => b.date));
    body.bars.forEach((b, i) => expect(b.close).toBeCloseTo(i < exIndex ? raw[i].close * factor : raw[i].close, 10));
  });
});
