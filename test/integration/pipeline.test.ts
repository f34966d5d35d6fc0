import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { FastifyInstance } from 'fastify';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { buildApp } from '../../api/app';
import { loadConfig } from '../../config';
import { analyzeBars, fundamentalsFrom, toAnalyzeJson } from '../../application/analysis';
import { fundamentalsReportAsOf } from '../../application/fundamentals/stored-fundamentals';
import type { PriceBar } from '../../contracts';
import { DEFAULT_INDICATORS } from '../../domain/finance/indicators';
import { parsePrices } from '../../domain/prices';
import { createCache } from '../../infra/cache';
import { createAnalysisWorkers } from '../../workers/analysis-workers';
import type { DailyPipelineResult, PipelineProgress } from '../../workflows/daily-pipeline-types';
import { createTestRedis, type TestRedis } from '../../api/test-support/test-redis';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { recordHistory } from '../support/record-history';
import { sharedCompanyTickersJson } from '../support/sec-server';
import { SHARED_DATA, sharedData } from '../support/shared-data';

const ALL_STOCKS = sharedData('ohlcv', 'all_stocks_5yr.csv');
const GSPC = sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv');
const FUNDAMENTALS = sharedData('fundamentals');
const SYMBOLS = ['AAPL', 'DHR', 'GOOGL', 'NVDA'];
const API_KEY = 'pipeline-it-key';

let harness: EtlHarness;
let cache: TestRedis;
let connection: NativeConnection;
let workers: Worker[];
let running: Promise<void>[];
let scratch: string;
let app: FastifyInstance;

/** A handful of symbols of the 5-year file, written where the API may read them. */
async function writeSubset(file: string): Promise<void> {
  const lines: string[] = [];
  const wanted = new Set(SYMBOLS);
  for await (const line of createInterface({ input: createReadStream(ALL_STOCKS) })) {
    if (!lines.length || wanted.has(line.slice(line.lastIndexOf(',') + 1))) lines.push(line);
  }
  await fs.writeFile(file, `${lines.join('\n')}\n`);
}

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
  workers = await createAnalysisWorkers({
    connection,
    namespace: 'default',
    db: harness.db,
    cache: createCache(cache.redis),
    // As the analysis worker process wires it: the point-in-time facts in Postgres.
    fundamentals: fundamentalsFrom((s, d, p) => fundamentalsReportAsOf(harness.db, s, d, p)),
  });
  running = workers.map((w) => w.run());
  scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'iby-pipeline-'));
  await writeSubset(path.join(scratch, 'stocks.csv'));
  await fs.writeFile(path.join(scratch, 'company_tickers.json'), sharedCompanyTickersJson());
  app = await buildApp({
    config: loadConfig({
      ...process.env,
      DATABASE_URL: harness.dbUrl,
      S3_BUCKET: harness.s3.bucket,
      IMPORT_ROOTS: `${SHARED_DATA},${scratch}`,
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
  if (scratch) await fs.rm(scratch, { recursive: true, force: true });
});

describe('POST /v1/runs/pipeline on the real stack', () => {
  it('loads prices and fundamentals, analyses what changed against ^GSPC, and reports three stages', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/v1/runs/pipeline',
      headers: { 'x-api-key': API_KEY },
      payload: {
        prices: [
          { source: 'csv', path: GSPC, symbol: '^GSPC' },
          { source: 'csv', path: path.join(scratch, 'stocks.csv'), batchSize: 2 },
        ],
        fundamentals: { source: 'file', path: FUNDAMENTALS, tickers: path.join(scratch, 'company_tickers.json') },
        analysis: { benchmark: '^GSPC' },
      },
    });
    expect(started.statusCode).toBe(202);
    const { workflowId } = started.json<{ workflowId: string }>();
    expect(workflowId).toMatch(/^pipeline-/);
    await harness.client.workflow.getHandle(workflowId).result();
    recordHistory(workflowId, 'daily-pipeline');

    const status = (await app.inject({ url: `/v1/runs/${encodeURIComponent(workflowId)}` })).json<{
      kind: string;
      status: string;
      outcome: string;
      progress: PipelineProgress;
      result: DailyPipelineResult;
    }>();
    expect([status.status, status.kind, status.outcome]).toEqual(['COMPLETED', 'pipeline', 'succeeded']);
    expect(status.progress.stages.map((s) => [s.name, s.status])).toEqual([
      ['prices', 'done'],
      ['fundamentals', 'done'],
      ['analysis', 'done'],
    ]);
    expect(status.progress.stages.map((s) => s.children.map((c) => [c.workflowId, c.outcome]))).toEqual([
      [
        [`${workflowId}/prices-1`, 'succeeded'],
        [`${workflowId}/prices-2`, 'succeeded'],
      ],
      [[`${workflowId}/fundamentals`, 'succeeded']],
      [[`${workflowId}/analysis`, 'succeeded']],
    ]);
    // Every symbol was new, so every one changed and was analysed.
    expect(status.result.changedSymbols).toEqual(['^GSPC', ...SYMBOLS].sort());
    expect(status.result.analysedSymbols).toEqual(status.result.changedSymbols);

    const listed = (await app.inject({ url: '/v1/runs?kind=pipeline' })).json<{ runs: { workflowId: string }[] }>();
    expect(listed.runs.map((r) => r.workflowId)).toContain(workflowId);

    const res = await app.inject({ url: '/v1/securities/AAPL/analysis' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ risk: unknown; fundamentals: unknown; benchmark: { symbol: string } }>();
    const library = JSON.parse(
      JSON.stringify(
        toAnalyzeJson(
          analyzeBars('AAPL', await fileBars(ALL_STOCKS, 'AAPL'), {
            indicators: DEFAULT_INDICATORS,
            periodsPerYear: 252,
            benchmark: await fileBars(GSPC, '^GSPC', '^GSPC'),
          }),
        ),
      ),
    ) as { risk: unknown };
    expect(body.risk).toEqual(library.risk);
    expect(body.benchmark.symbol).toBe('^GSPC');
    expect(body.fundamentals).not.toBeNull();

    // The same request again: nothing changed, so analysis is skipped and says why.
    const again = await app.inject({
      method: 'POST',
      url: '/v1/runs/pipeline',
      headers: { 'x-api-key': API_KEY },
      payload: {
        prices: { source: 'csv', path: path.join(scratch, 'stocks.csv') },
        analysis: { benchmark: '^GSPC' },
      },
    });
    const second = (await harness.client.workflow
      .getHandle(again.json<{ workflowId: string }>().workflowId)
      .result()) as DailyPipelineResult;
    expect(second.changedSymbols).toEqual([]);
    expect(second.stages.map((s) => s.status)).toEqual(['done', 'skipped', 'skipped']);
    expect(second.outcome).toBe('succeeded');
  });

  it('names the part of a bad request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/runs/pipeline',
      headers: { 'x-api-key': API_KEY },
      payload: {
        prices: [
          { source: 'csv', path: GSPC },
          { source: 'csv', path: '/etc/passwd' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toContain('body/prices/1/path');
  });
});
