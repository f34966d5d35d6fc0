import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { createTestRedis, type TestRedis } from '../../api/test-support/test-redis';
import { loadConfig } from '../../config';
import {
  FAILURE_TYPES,
  PRICE_PROVIDER_NAMES,
  PRICE_PROVIDERS,
  type IngestPricesResult,
  type PriceProvider,
} from '../../contracts';
import { startAlphaVantageServer } from '../support/alphavantage-server';
import { startEtlHarness, type EtlHarness, type EtlHarnessOptions } from '../support/etl-harness';
import { sharedData } from '../support/shared-data';
import { sharedStooqFixtures, startStooqServer } from '../support/stooq-server';
import { startTiingoServer } from '../support/tiingo-server';
import { startYahooServer } from '../support/yahoo-server';

/**
 * The contract every HTTP price provider of the registry keeps, through the API as a caller uses it: a run of a known
 * symbol, a symbol the provider throttles once and a symbol it does not know loads the first two in full (the throttle
 * retried) and fails the third alone, without retrying it. Provider-specific details stay in the `<provider>-etl` tests.
 */

const API_KEY = 'providers-api-key';

/** A daily bar of the shared reference data, which every local server below serves in its provider's format. */
interface SharedBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

/** Real AAPL and MSFT daily bars, 2013-02-08 to 2018-02-07: the same files `sharedStooqFixtures` re-emits for Stooq. */
const sharedBars = (symbol: 'AAPL' | 'MSFT'): SharedBar[] => {
  const [, ...rows] = fs
    .readFileSync(sharedData('ohlcv', `${symbol}_2013-02-08_2018-02-07.csv`), 'utf8')
    .trim()
    .split(/\r?\n/);
  return rows.map((row) => {
    const [date, open, high, low, close, volume] = row.split(',');
    return { date, open: +open, high: +high, low: +low, close: +close, volume: +volume };
  });
};
/** The known symbol's bars (AAPL's) and the throttled symbol's (MSFT's), whatever each provider calls them. */
const BARS = { known: sharedBars('AAPL'), throttled: sharedBars('MSFT') };
/** Each provider's bars carry an adjusted close; the shared data has none, and no adjustment is under test here. */
const withAdjClose = (bars: SharedBar[]) => bars.map((bar) => ({ ...bar, adjClose: bar.close }));

interface ProviderServer {
  url: string;
  /** How many requests the server received for a symbol (any case). */
  asked(symbol: string): number;
  close(): Promise<void>;
}

interface ProviderCase {
  symbols: { known: string; throttled: string; unknown: string };
  /** Each provider loads its own month, so no run updates another's bars. */
  from: string;
  to: string;
  /** Whether the provider sends only the requested range; otherwise it sends everything and the run filters. */
  sendsRangeOnly: boolean;
  /** Its local server with BARS, throttling `symbols.throttled` once (and only once). */
  start(): Promise<ProviderServer>;
}

/** A local server as the table uses it: `symbolsAsked` lists the symbol of each request it received, as sent. */
const providerServer = (
  server: { url: string; close(): Promise<void> },
  symbolsAsked: () => string[],
): ProviderServer => ({
  url: server.url,
  asked: (symbol) => symbolsAsked().filter((asked) => asked.toUpperCase() === symbol.toUpperCase()).length,
  close: () => server.close(),
});

/** One row per provider of PRICE_PROVIDERS: a new provider must add its own (checked below, and by the type). */
const CASES: Record<PriceProvider, ProviderCase> = {
  stooq: {
    symbols: { known: 'AAPL.US', throttled: 'MSFT.US', unknown: 'ZZZZ.US' },
    from: '2017-01-01',
    to: '2017-01-31',
    sendsRangeOnly: true,
    start: async () => {
      const server = await startStooqServer(sharedStooqFixtures(), { 'msft.us': [429] });
      return providerServer(server, () => server.requests.map((r) => r.symbol));
    },
  },
  yahoo: {
    symbols: { known: 'AAPL', throttled: 'MSFT', unknown: 'NOPE' },
    from: '2017-02-01',
    to: '2017-02-28',
    sendsRangeOnly: true,
    start: async () => {
      const server = await startYahooServer(
        { AAPL: { bars: withAdjClose(BARS.known) }, MSFT: { bars: withAdjClose(BARS.throttled) } },
        { MSFT: [{ status: 429, retryAfter: '0' }] },
      );
      return providerServer(server, () => server.requests.map((r) => r.symbol));
    },
  },
  alphavantage: {
    symbols: { known: 'AAPL', throttled: 'MSFT', unknown: 'NOPE' },
    from: '2017-03-01',
    to: '2017-03-31',
    // Alpha Vantage has no range: the full history comes, and the run leaves out what is outside the month.
    sendsRangeOnly: false,
    start: async () => {
      // Its throttling notice comes with HTTP 200.
      const server = await startAlphaVantageServer(
        { AAPL: withAdjClose(BARS.known), MSFT: withAdjClose(BARS.throttled) },
        { MSFT: ['minute-limit'] },
      );
      return providerServer(server, () => server.requests.map((r) => r.symbol));
    },
  },
  tiingo: {
    symbols: { known: 'AAPL', throttled: 'MSFT', unknown: 'NOPE' },
    from: '2017-04-01',
    to: '2017-04-30',
    sendsRangeOnly: true,
    start: async () => {
      const server = await startTiingoServer(
        { AAPL: withAdjClose(BARS.known), MSFT: withAdjClose(BARS.throttled) },
        { MSFT: [{ status: 429, retryAfter: '0' }] },
      );
      return providerServer(server, () => server.requests.map((r) => r.ticker));
    },
  },
};

const providersWithCases = PRICE_PROVIDER_NAMES.filter((provider) => Object.hasOwn(CASES, provider));
const servers = new Map<PriceProvider, ProviderServer>();
let redis: TestRedis;
let harness: EtlHarness;
let app: FastifyInstance;

beforeAll(async () => {
  // Every provider's server, and ONE harness whose workers reach each provider at its own server.
  const urls: Pick<EtlHarnessOptions, `${PriceProvider}Url`> = {};
  for (const provider of providersWithCases) {
    const server = await CASES[provider].start();
    servers.set(provider, server);
    urls[`${provider}Url`] = server.url;
  }
  harness = await startEtlHarness(urls);
  redis = createTestRedis();
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: harness.dbUrl,
    S3_BUCKET: harness.s3.bucket,
    API_KEYS: API_KEY,
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
  await Promise.all([...servers.values()].map((server) => server.close()));
});

interface RunBody {
  status: string;
  outcome: string | null;
  progress: { failuresBySymbol?: Record<string, string> } | null;
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

/** What a run of `row` must count, from the bars its server holds. */
function expectedCounts(row: ProviderCase) {
  const inRange = (bars: SharedBar[]) => bars.filter((bar) => bar.date >= row.from && bar.date <= row.to);
  const loaded = { known: inRange(BARS.known), throttled: inRange(BARS.throttled) };
  const sent = row.sendsRangeOnly ? loaded : BARS;
  const rowsRead = sent.known.length + sent.throttled.length;
  const rowsLoaded = loaded.known.length + loaded.throttled.length;
  // The shared data is clean (every bar of it loads in stooq-etl): nothing is rejected, only left out of the range.
  return { loaded, rowsRead, rowsLoaded, rowsRejected: 0, rowsFiltered: rowsRead - rowsLoaded };
}

describe('POST /v1/runs/prices against each provider of the registry, at its local server', () => {
  it('has a row for every price provider, so a new provider cannot skip this contract', () => {
    expect(PRICE_PROVIDER_NAMES.filter((provider) => !Object.hasOwn(CASES, provider))).toEqual([]);
  });

  it.each(PRICE_PROVIDER_NAMES)(
    '%s: loads a known symbol, retries a throttled one, fails an unknown one without retrying, with exact counts',
    async (provider) => {
      if (!Object.hasOwn(CASES, provider)) throw new Error(`no row for ${provider} in CASES`);
      const row = CASES[provider];
      const server = servers.get(provider);
      if (!server) throw new Error(`the ${provider} server did not start`);
      const { known, throttled, unknown } = row.symbols;

      const response = await app.inject({
        method: 'POST',
        url: '/v1/runs/prices',
        headers: { 'x-api-key': API_KEY },
        // One symbol a batch: the unknown symbol fails its own batch, which the run lists by symbol.
        payload: { source: provider, symbols: [known, throttled, unknown], from: row.from, to: row.to, batchSize: 1 },
      });
      expect(response.statusCode).toBe(202);
      const { workflowId } = response.json<{ workflowId: string }>();
      const run = await waitForRun(workflowId);

      const expected = expectedCounts(row);
      expect(run).toMatchObject({ status: 'COMPLETED', outcome: 'partial' });
      expect(run.result).toMatchObject({
        batches: 3,
        batchesFailed: 1,
        rowsRead: expected.rowsRead,
        rowsLoaded: expected.rowsLoaded,
        rowsRejected: expected.rowsRejected,
        rowsFiltered: expected.rowsFiltered,
        // Each provider loads its own month: every bar is new.
        rowsInserted: expected.rowsLoaded,
        rowsUpdated: 0,
      });
      expect(run.result.failures).toEqual([
        expect.objectContaining({ symbols: [unknown], type: FAILURE_TYPES.unknownSymbol }),
      ]);
      expect(run.progress?.failuresBySymbol).toEqual({
        [unknown]: expect.stringMatching(new RegExp(`^${FAILURE_TYPES.unknownSymbol}: `)) as unknown,
      });

      // The known symbol asked once; the throttled one twice (throttled, then retried); the unknown one once, as its
      // failure is not retried, plus the rangeless probe of a provider whose "no data" cannot tell it apart.
      const unknownRequests = PRICE_PROVIDERS[provider].probesUnknownSymbol ? 2 : 1;
      expect([known, throttled, unknown].map((symbol) => server.asked(symbol))).toEqual([1, 2, unknownRequests]);

      // What the run loaded is the provider's bars, stamped with it as the source.
      const { rows } = await harness.db.query<{
        symbol: string;
        source: string;
        n: number;
        first: string;
        last: string;
      }>(
        `SELECT symbol, source, count(*)::int AS n, to_char(min(date), 'YYYY-MM-DD') AS first,
                to_char(max(date), 'YYYY-MM-DD') AS last
           FROM price_bars WHERE workflow_id = $1 GROUP BY symbol, source ORDER BY symbol`,
        [workflowId],
      );
      const summary = (symbol: string, bars: SharedBar[]) => ({
        symbol,
        source: provider,
        n: bars.length,
        first: bars[0]?.date,
        last: bars.at(-1)?.date,
      });
      expect(rows).toEqual([summary(known, expected.loaded.known), summary(throttled, expected.loaded.throttled)]);
      const { rows: closes } = await harness.db.query<{ date: string; close: number }>(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date, close FROM price_bars WHERE symbol = $1 AND workflow_id = $2
          ORDER BY date`,
        [throttled, workflowId],
      );
      expect(closes).toEqual(expected.loaded.throttled.map(({ date, close }) => ({ date, close })));
    },
  );
});
