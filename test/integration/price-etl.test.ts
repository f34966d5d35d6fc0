import type { FastifyInstance } from 'fastify';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptors } from '@temporalio/worker';
import { Context } from '@temporalio/activity';
import { buildApp } from '../../api/app';
import { loadConfig } from '../../config';
import type Redis from 'ioredis';
import { createRedis } from '../../infra/redis';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { auditOhlcvNameFile } from '../support/naive-price-audit';
import { recordHistory } from '../support/record-history';
import { sharedData, SHARED_DATA } from '../support/shared-data';
import type { IngestPricesResult } from '../../contracts';
import { ingestPrices } from '../../workflows/ingest-prices';

// Every quirk class of all_stocks_5yr.csv: missing opens (BHF, DHR, O), bars outside their range (CHD, LNT, NWL),
// dotted tickers (BRK.B, BF.B), a late listing (APTV), an unadjusted spin-off (EBAY), holes (DHR, O), plain AAPL.
const QUIRK_SYMBOLS = ['AAPL', 'BHF', 'CHD', 'DHR', 'LNT', 'NWL', 'O', 'BRK.B', 'BF.B', 'APTV', 'EBAY'];
const ALL_STOCKS = sharedData('ohlcv', 'all_stocks_5yr.csv');
const API_KEY = 'integration-key';

let harness: EtlHarness;
let app: FastifyInstance;
let redis: Redis;
let crashesInjected = 0;

/** Simulates a worker that dies right after its load committed: Temporal retries, the retry must add nothing. */
const crashAfterFirstLoad = (): ActivityInterceptors => ({
  inbound: {
    async execute(input, next) {
      const result = await next(input);
      const info = Context.current().info;
      if (info.activityType === 'loadPriceBatch' && info.attempt === 1 && crashesInjected < 2) {
        crashesInjected++;
        throw ApplicationFailure.retryable('simulated crash after the load committed', 'SimulatedCrash');
      }
      return result;
    },
  },
});

beforeAll(async () => {
  harness = await startEtlHarness({ dataInterceptors: { activity: [crashAfterFirstLoad] } });
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: harness.dbUrl,
    S3_BUCKET: harness.s3.bucket,
    IMPORT_ROOTS: SHARED_DATA,
    API_KEYS: API_KEY,
  });
  redis = createRedis('redis://127.0.0.1:6379/9');
  app = await buildApp({
    config,
    clients: {
      db: harness.db,
      temporal: harness.client,
      s3: harness.s3,
      redis,
    },
  });
});

afterAll(async () => {
  await app?.close();
  redis?.disconnect();
  await harness?.stop();
});

async function startRun(body: object): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/v1/runs/prices',
    headers: { 'x-api-key': API_KEY },
    payload: body,
  });
  expect([200, 202]).toContain(res.statusCode);
  return res.json<{ workflowId: string }>().workflowId;
}

interface RunBody {
  status: string;
  outcome: string | null;
  kind: string;
  result: IngestPricesResult;
  progress: unknown;
}

async function waitForRun(workflowId: string): Promise<RunBody> {
  for (let i = 0; i < 600; i++) {
    const res = await app.inject({ method: 'GET', url: `/v1/runs/${workflowId}` });
    const body = res.json<RunBody>();
    if (body.status !== 'RUNNING') return body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${workflowId} did not finish`);
}

/** What a person does in the Temporal Web UI: find the run and its batches by search attribute, read its summary. */
async function expectSearchable(workflowId: string, batches: number): Promise<void> {
  const ids = async (query: string) => {
    const found: string[] = [];
    for await (const run of harness.client.workflow.list({ query })) found.push(run.workflowId);
    return found;
  };
  // Visibility is eventually consistent: give the index a moment.
  for (let i = 0; i < 40 && !(await ids(`IbyRunKind = 'prices' AND IbySource = 'csv'`)).includes(workflowId); i++) {
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(
    await ids(`IbyRunKind = 'prices' AND IbySource = 'csv' AND IbySymbolCount = ${QUIRK_SYMBOLS.length}`),
  ).toContain(workflowId);
  const children = await ids(`IbyRunKind = 'prices-batch' AND WorkflowId STARTS_WITH '${workflowId}/'`);
  expect(children).toHaveLength(batches);
  const description = await harness.client.workflow.getHandle(workflowId).describe();
  expect(await description.staticSummary()).toMatch(/all_stocks_5yr\.csv/);
}

async function barCount(symbols: string[]): Promise<number> {
  const { rows } = await harness.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM price_bars WHERE symbol = ANY($1)',
    [symbols],
  );
  return rows[0].n;
}

describe('price ETL through the API on real data', () => {
  const expected = auditOhlcvNameFile(ALL_STOCKS, new Set(QUIRK_SYMBOLS));
  const request = { source: 'csv', path: ALL_STOCKS, symbols: QUIRK_SYMBOLS, batchSize: 3 };
  let first: IngestPricesResult;

  it('loads exactly the rows of the file minus the rejected ones, and survives a crash after a commit', async () => {
    const workflowId = await startRun(request);
    const run = await waitForRun(workflowId);
    expect(run.status).toBe('COMPLETED');
    expect(run.outcome).toBe('succeeded');
    expect(run.kind).toBe('prices');
    expect(run.result.outcome).toBe('succeeded');
    first = run.result;
    recordHistory(workflowId, 'ingest-prices-csv-with-crash-retries');
    await expectSearchable(workflowId, first.batches);

    expect(first.rowsRead).toBe(expected.read);
    expect(first.rowsRejected).toBe(expected.rejected);
    expect(first.rowsLoaded).toBe(expected.read - expected.rejected);
    expect(first.rowsRead).toBe(first.rowsLoaded + first.rowsRejected + first.rowsFiltered);
    expect(first.rowsInserted).toBe(first.rowsLoaded);
    expect(first.batches).toBe(Math.ceil(QUIRK_SYMBOLS.length / 3));
    expect(first.batchesFailed).toBe(0);
    expect(await barCount(QUIRK_SYMBOLS)).toBe(first.rowsLoaded);
    for (const [symbol, n] of expected.bySymbol) expect(await barCount([symbol])).toBe(n);
    expect(crashesInjected).toBe(2);
    expect(run.progress).toMatchObject({ phase: 'done', batchesDone: first.batches, rowsLoaded: first.rowsLoaded });

    const flagged = await harness.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM price_bars WHERE 'missing_open' = ANY(flags) AND symbol = ANY($1)`,
      [QUIRK_SYMBOLS],
    );
    expect(flagged.rows[0].n).toBe(first.rowsFlagged.missing_open);
    expect(first.rowsFlagged.missing_open).toBeGreaterThan(0);
  });

  it('changes nothing when the same request runs again', async () => {
    const before = await harness.db.query('SELECT symbol, date, updated_at FROM price_bars ORDER BY symbol, date');
    const workflowId = await startRun(request);
    const run = await waitForRun(workflowId);
    expect(run.status).toBe('COMPLETED');
    expect(run.result.rowsLoaded).toBe(first.rowsLoaded);
    expect(run.result.rowsInserted).toBe(0);
    expect(run.result.rowsUpdated).toBe(0);
    expect(run.result.rowsUnchanged).toBe(first.rowsLoaded);
    const after = await harness.db.query('SELECT symbol, date, updated_at FROM price_bars ORDER BY symbol, date');
    expect(after.rows).toEqual(before.rows);
    const ledger = await harness.db.query<{ runs: number; batches: number }>(
      'SELECT count(DISTINCT run_id)::int AS runs, count(*)::int AS batches FROM ingestion_batches WHERE workflow_id = $1',
      [workflowId],
    );
    expect(ledger.rows[0]).toEqual({ runs: 2, batches: 2 * first.batches });
  });

  it('lists runs by kind, status and symbol, with their outcome and the ledger agreeing', async () => {
    const listed = async (query: string) => {
      const res = await app.inject({ method: 'GET', url: `/v1/runs?${query}` });
      expect(res.statusCode).toBe(200);
      return res.json<{ runs: { workflowId: string; kind: string; status: string; outcome?: string }[] }>().runs;
    };
    const { rows } = await harness.db.query<{ workflow_id: string; status: string; outcome: string }>(
      `SELECT workflow_id, status, outcome FROM ingestion_runs WHERE run_kind = 'prices'`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatchObject({ status: 'COMPLETED', outcome: 'succeeded' });
    const workflowId = rows[0].workflow_id;

    // Visibility is eventually consistent: give the index a moment to see the memo's outcome.
    let completed: Awaited<ReturnType<typeof listed>> = [];
    for (let i = 0; i < 40; i++) {
      completed = await listed('kind=prices&status=COMPLETED&limit=100');
      if (completed.some((run) => run.workflowId === workflowId && run.outcome)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(completed).toContainEqual(expect.objectContaining({ workflowId, kind: 'prices', outcome: 'succeeded' }));
    expect((await listed('limit=100')).map((run) => run.workflowId)).toContain(workflowId);
    expect((await listed('symbol=BHF&limit=100')).map((run) => run.workflowId)).toContain(workflowId);
    expect(await listed('symbol=ZZZZ&limit=100')).toEqual([]);
    // The Temporal server is shared by every test file, so other files' runs are listed too: check the filters.
    const ours = new Set(rows.map((row) => row.workflow_id));
    const analysisRuns = await listed('kind=analysis&limit=100');
    expect(analysisRuns.filter((run) => run.kind !== 'analysis' || ours.has(run.workflowId))).toEqual([]);
    const failedPriceRuns = await listed('kind=prices&status=FAILED&limit=100');
    expect(failedPriceRuns.filter((run) => run.status !== 'FAILED' || ours.has(run.workflowId))).toEqual([]);
  });

  it('serves the loaded prices and lists the securities', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/securities/BRK.B/prices?from=2017-01-01&to=2017-01-31' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ bars: { date: string; close: number }[] }>();
    expect(body.bars.length).toBe(20);
    expect(body.bars[0].date).toBe('2017-01-03');
    const list = await app.inject({ method: 'GET', url: '/v1/securities' });
    const symbols = list.json<{ symbol: string }[] | { securities: { symbol: string }[] }>();
    const names = (Array.isArray(symbols) ? symbols : symbols.securities).map((s) => s.symbol).sort();
    expect(names).toEqual([...QUIRK_SYMBOLS].sort());
  });

  it('continues as new on a long plan and still accounts for every row', async () => {
    const handle = await harness.client.workflow.start(ingestPrices, {
      taskQueue: 'etl',
      workflowId: `continue-as-new-${Date.now()}`,
      args: [
        { source: 'csv', path: ALL_STOCKS, symbols: QUIRK_SYMBOLS, batchSize: 1 },
        { historyLimit: 40, maxConcurrentBatches: 2 },
      ],
    });
    const result = (await handle.result()) as IngestPricesResult;
    expect(result.rowsRead).toBe(expected.read);
    expect(result.rowsLoaded).toBe(first.rowsLoaded);
    expect(result.batches).toBe(QUIRK_SYMBOLS.length);
    const firstRun = await harness.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).describe();
    expect(firstRun.status.name).toBe('CONTINUED_AS_NEW');
  });
});
