/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import type { FastifyInstance } from 'fastify';
import type Redis from 'ioredis';
import { buildApp } from '../../api/app';
import { loadConfig } from '../../config';
import { createRedis } from '../../infra/redis';
import type { PricesRunResult } from '../../workflows/suspected-actions-step';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { sharedData, SHARED_DATA } from '../support/shared-data';

// From all_stocks_5yr.csv: two unadjusted spin-offs (EBAY, BAX), two one-day bad bars (NWL, MRO), a clean AAPL.
const SYMBOLS = ['AAPL', 'BAX', 'EBAY', 'MRO', 'NWL'];
const API_KEY = 'integration-key';

let harness: EtlHarness;
let app: FastifyInstance;
let redis: Redis;

beforeAll(async () => {
  harness = await startEtlHarness();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: harness.dbUrl,
    S3_BUCKET: harness.s3.bucket,
    IMPORT_ROOTS: SHARED_DATA,
    API_KEYS: API_KEY,
  });
  redis = createRedis('redis://127.0.0.1:6379/9');
  app = await buildApp({ config, clients: { db: harness.db, temporal: harness.client, s3: harness.s3, redis } });
});

afterAll(async () => {
  await app?.close();
  redis?.disconnect();
  await harness?.stop();
});

async function run(): Promise<{ workflowId: string; result: PricesRunResult }> {
  const started = await app.inject({
    method: 'POST',
    url: '/v1/runs/prices',
    headers: { 'x-api-key': API_KEY },
    payload: { source: 'csv', path: sharedData('ohlcv', 'all_stocks_5yr.csv'), symbols: SYMBOLS, batchSize: 2 },
  });
  expect([200, 202]).toContain(started.statusCode);
  const { workflowId } = started.json<{ workflowId: string }>();
  for (let i = 0; i < 600; i++) {
    const body = (await app.inject({ method: 'GET', url: `/v1/runs/${workflowId}` })).json();
    if (body.status !== 'RUNNING') {
      expect(body.status).toBe('COMPLETED');
      return { workflowId, result: body.result as PricesRunResult };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${workflowId} did not finish`);
}

const EXPECTED = [
  { symbol: 'BAX', date: '2015-07-01', reason: 'suspected_corporate_action' },
  { symbol: 'EBAY', date: '2015-07-20', reason: 'suspected_corporate_action' },
  { symbol: 'MRO', date: '2017-09-14', reason: 'suspected_bad_bar' },
  { symbol: 'NWL', date: '2017-09-14', reason: 'suspected_bad_bar' },
];

describe('suspected corporate actions at the end of a price run', () => {
  let firstRun: string;

  it('reports exact counts and the list in the run result', async () => {
    const { workflowId, result } = await run();
    firstRun = workflowId;
    expect(result.outcome).toBe('succeeded');
    expect(result.rowsInserted).toBe(result.rowsLoaded);
    expect(result).toMatchObject({ symbolsChecked: 5, suspectedActions: 2, suspectedBadBars: 2 });
    expect(result.suspected).toEqual(EXPECTED);
    const { rows } = await harness.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM corporate_actions WHERE status = 'suspected'`,
    );
    expect(rows[0].n).toBe(4);
  });

  it('lists them in GET /v1/securities/{symbol}/actions with status "suspected"', async () => {
    const ebay = await app.inject({ method: 'GET', url: '/v1/securities/EBAY/actions' });
    expect(ebay.statusCode).toBe(200);
    expect(ebay.json().actions).toEqual([
      expect.objectContaining({
        exDate: '2015-07-20',
        kind: 'unexplained_move',
        status: 'suspected',
        reason: 'suspected_corporate_action',
        source: 'detector',
        detectedByRun: firstRun,
        evidence: expect.objectContaining({ previousDate: '2015-07-17', previousClose: 66.29, close: 28.57 }),
      }),
    ]);
    const nwl = (await app.inject({ method: 'GET', url: '/v1/securities/NWL/actions' })).json();
    expect(nwl.actions).toEqual([
      expect.objectContaining({ exDate: '2017-09-14', kind: 'bad_bar', reason: 'suspected_bad_bar' }),
    ]);
    expect((await app.inject({ method: 'GET', url: '/v1/securities/AAPL/actions' })).json().actions).toEqual([]);
  });

  it('finds the same again on a rerun, keeping who first saw them, and never changes a bar', async () => {
    const bars = await harness.db.query('SELECT symbol, date, close, updated_at FROM price_bars ORDER BY 1, 2');
    const seen = 'SELECT symbol, ex_date, kind, first_seen, detected_by_run FROM corporate_actions ORDER BY 1, 2, 3';
    const before = (await harness.db.query(seen)).rows;
    expect(before).toHaveLength(4);
    const { result } = await run();
    expect(result).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, suspectedActions: 2, suspectedBadBars: 2 });
    expect(result.suspected).toEqual(EXPECTED);
    expect((await harness.db.query(seen)).rows).toEqual(before);
    expect(
      (await harness.db.query('SELECT symbol, date, close, updated_at FROM price_bars ORDER BY 1, 2')).rows,
    ).toEqual(bars.rows);
  });
});
