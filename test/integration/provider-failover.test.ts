import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { createTestRedis, type TestRedis } from '../../api/test-support/test-redis';
import { loadConfig } from '../../config';
import { FAILOVER_ATTEMPTS, FAILURE_TYPES, type IngestPricesResult, type ProvidersResponse } from '../../contracts';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { recordHistory } from '../support/record-history';
import { startStooqServer, type StooqServer } from '../support/stooq-server';
import { startYahooServer, type YahooBar, type YahooFault, type YahooServer } from '../support/yahoo-server';

const API_KEY = 'failover-key';

const bar = (date: string, close: number): YahooBar => ({
  date,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  adjClose: close,
  volume: 1_000_000,
});
const stooqCsv = (rows: [string, number][]): string =>
  ['Date,Open,High,Low,Close,Volume', ...rows.map(([date, c]) => `${date},${c},${c + 1},${c - 1},${c},500000`)].join(
    '\r\n',
  ) + '\r\n';

/** More throttles than the failover's attempts: Yahoo never answers IBM within them. */
const throttleIbm: YahooFault[] = Array.from({ length: FAILOVER_ATTEMPTS + 2 }, () => ({
  status: 429,
  retryAfter: '0',
}));

let yahoo: YahooServer;
let stooq: StooqServer;
let redis: TestRedis;
let harness: EtlHarness;
let app: FastifyInstance;

beforeAll(async () => {
  // Yahoo, first in the order: knows AAPL; has no MSFT or ZZZZ (404); throttles IBM for good, though it has its bars.
  yahoo = await startYahooServer(
    {
      AAPL: { bars: [bar('2020-08-26', 506.09), bar('2020-08-27', 500.04), bar('2020-08-28', 499.23)] },
      IBM: { bars: [bar('2020-08-27', 999), bar('2020-08-28', 999)] },
    },
    { IBM: throttleIbm },
  );
  // Stooq, second: knows MSFT and IBM (and AAPL, which it must never be asked for); "No data" for ZZZZ.
  stooq = await startStooqServer({
    aapl: stooqCsv([['2020-08-27', 1]]),
    msft: stooqCsv([
      ['2020-08-26', 221.15],
      ['2020-08-27', 226.58],
      ['2020-08-28', 228.91],
      // Outside the run's range: the server leaves it out, as Stooq does for d1/d2.
      ['2020-10-01', 212.46],
    ]),
    ibm: stooqCsv([
      ['2020-08-25', 124.65],
      ['2020-08-26', 125.55],
      ['2020-08-27', 125.86],
      ['2020-08-28', 125.81],
    ]),
  });
  redis = createTestRedis();
  harness = await startEtlHarness({
    yahooUrl: yahoo.url,
    stooqUrl: stooq.url,
    providerOrder: ['yahoo', 'stooq'],
    providerHealthRedis: redis.redis,
  });
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: harness.dbUrl,
    S3_BUCKET: harness.s3.bucket,
    API_KEYS: API_KEY,
    PRICE_PROVIDER_ORDER: 'yahoo,stooq',
    YAHOO_REQUESTS_PER_SECOND: '50',
    STOOQ_REQUESTS_PER_SECOND: '50',
    REDIS_COMMAND_TIMEOUT_MS: '10000',
  });
  app = await buildApp({
    config,
    clients: { db: harness.db, temporal: harness.client, s3: harness.s3, redis: redis.redis },
  });
});

afterAll(async () => {
  await app?.close();
  await harness?.stop();
  await redis?.cleanup();
  await yahoo?.close();
  await stooq?.close();
});

interface RunBody {
  status: string;
  outcome: string | null;
  result: IngestPricesResult;
}

async function waitForRun(workflowId: string): Promise<RunBody> {
  for (let i = 0; i < 600; i++) {
    const body = (await app.inject({ method: 'GET', url: `/v1/runs/${workflowId}` })).json<RunBody>();
    if (body.status !== 'RUNNING') return body;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`run ${workflowId} did not finish`);
}

describe('source "auto": each symbol from the first provider of PRICE_PROVIDER_ORDER that answers', () => {
  it('falls through an unknown and a throttled symbol to Stooq, fails a symbol unknown to both, and counts it all', async () => {
    const started = Date.now();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/runs/prices',
      headers: { 'x-api-key': API_KEY },
      payload: { source: 'auto', symbols: ['AAPL', 'MSFT', 'IBM', 'ZZZZ'], from: '2020-08-01', to: '2020-09-30' },
    });
    expect(response.statusCode).toBe(202);
    const { workflowId } = response.json<{ workflowId: string }>();
    const run = await waitForRun(workflowId);
    // Pins the failover's command sequence: test/replay replays it on every later workflow change.
    recordHistory(`${workflowId}/b0001`, 'ingest-price-batch-auto-failover');

    expect(run).toMatchObject({ status: 'COMPLETED', outcome: 'partial' });
    expect(run.result).toMatchObject({
      batches: 1,
      batchesFailed: 0,
      rowsRead: 10,
      rowsLoaded: 10,
      rowsRejected: 0,
      rowsFiltered: 0,
      rowsInserted: 10,
      symbolsByProvider: { yahoo: ['AAPL'], stooq: ['IBM', 'MSFT'] },
    });
    expect(run.result.fileFailures).toHaveLength(1);
    const [zzzz] = run.result.fileFailures ?? [];
    expect(zzzz).toMatchObject({ file: 'ZZZZ', type: FAILURE_TYPES.unknownSymbol });
    expect(zzzz.message).toMatch(/^no provider could give ZZZZ: yahoo: UnknownSymbol: .*; stooq: UnknownSymbol: /);

    // Yahoo was asked for each symbol; IBM as often as the failover's bounded retries allow, then no more.
    const asked = (server: { requests: { symbol: string }[] }, symbol: string) =>
      server.requests.filter((r) => r.symbol.toUpperCase() === symbol).length;
    expect(['AAPL', 'MSFT', 'IBM', 'ZZZZ'].map((s) => asked(yahoo, s))).toEqual([1, 1, FAILOVER_ATTEMPTS, 1]);
    // Stooq only for what Yahoo could not give: ZZZZ's ranged "No data" is checked by a rangeless probe.
    expect(['AAPL', 'MSFT', 'IBM', 'ZZZZ'].map((s) => asked(stooq, s))).toEqual([0, 1, 1, 2]);

    const { rows } = await harness.db.query<{ symbol: string; source: string; n: number }>(
      'SELECT symbol, source, count(*)::int AS n FROM price_bars GROUP BY symbol, source ORDER BY symbol',
    );
    expect(rows).toEqual([
      { symbol: 'AAPL', source: 'yahoo', n: 3 },
      { symbol: 'IBM', source: 'stooq', n: 4 },
      { symbol: 'MSFT', source: 'stooq', n: 3 },
    ]);
    // IBM's bars are Stooq's, not the ones Yahoo holds but never gave.
    const { rows: ibm } = await harness.db.query<{ close: number }>(
      `SELECT close FROM price_bars WHERE symbol = 'IBM' AND date = '2020-08-28'`,
    );
    expect(ibm).toEqual([{ close: 125.81 }]);
    const { rows: raw } = await harness.db.query<{ source: string; keys: string[] }>(
      `SELECT b.source, array_agg(split_part(o->>'key', '/', 2) ORDER BY o->>'key') AS keys
         FROM ingestion_batches b, jsonb_array_elements(b.raw_objects) o GROUP BY b.source`,
    );
    expect(raw).toEqual([{ source: 'auto', keys: ['stooq', 'stooq', 'yahoo'] }]);

    // Counted by the etl worker per request, read back by the API.
    const providers = await app.inject({ method: 'GET', url: '/v1/providers' });
    expect(providers.statusCode).toBe(200);
    const byName = Object.fromEntries(providers.json<ProvidersResponse>().providers.map((p) => [p.name, p]));
    expect(byName.yahoo).toMatchObject({
      taskQueue: 'etl-yahoo',
      requestsPerSecond: 50,
      autoOrder: 1,
      recent: { windowHours: 24, requests: 3 + FAILOVER_ATTEMPTS, throttles: FAILOVER_ATTEMPTS, failures: 2 },
      lastSuccess: { symbol: 'AAPL' },
    });
    expect(byName.stooq).toMatchObject({
      taskQueue: 'etl-stooq',
      requestsPerSecond: 50,
      autoOrder: 2,
      recent: { windowHours: 24, requests: 4, throttles: 0, failures: 2 },
      // IBM reached Stooq only after Yahoo's retries, seconds after MSFT did.
      lastSuccess: { symbol: 'IBM' },
    });
    for (const { lastSuccess } of [byName.yahoo, byName.stooq]) {
      const at = Date.parse(lastSuccess?.at ?? '');
      expect(at).toBeGreaterThanOrEqual(started);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
  });
});
