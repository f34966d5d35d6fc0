import { parseTiingoDaily } from '../../domain/prices';
import { failureOf, fetchSymbolInActivity, recordingArchive, sha256 } from '../../test/support/provider-adapter';
import { TEST_API_KEY } from '../../test/support/provider-settings';
import {
  startTiingoServer,
  type TiingoBar,
  type TiingoFault,
  type TiingoServer,
} from '../../test/support/tiingo-server';
import type { HttpPriceProvider, SourceContext } from '../types';
import { createTiingoSource } from '.';

const RUN_DATE = '2024-01-02';

const AAPL: TiingoBar[] = [
  {
    date: '2020-08-07',
    open: 452.82,
    high: 454.7,
    low: 441.17,
    close: 444.45,
    adjClose: 109.81,
    volume: 49511403,
    divCash: 0.82,
  },
  { date: '2020-08-28', open: 504.05, high: 505.77, low: 498.31, close: 499.23, adjClose: 123.35, volume: 46907479 },
  {
    date: '2020-08-31',
    open: 127.58,
    high: 131,
    low: 126,
    close: 129.04,
    adjClose: 127.53,
    volume: 225702700,
    splitFactor: 4,
  },
];

let server: TiingoServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(
  faults: Record<string, TiingoFault[]> = {},
  /** null: no key configured. */ apiKey: string | null = TEST_API_KEY,
) {
  server = await startTiingoServer({ AAPL }, faults);
  const { archived, archiveRaw } = recordingArchive();
  const source = createTiingoSource({ baseUrl: server.url, apiKey: apiKey ?? undefined });
  const fetchSymbol = fetchSymbolInActivity(source, archiveRaw, RUN_DATE);
  return { server, source, archived, fetchSymbol };
}

describe('tiingo adapter fetchSymbol: one prices request for one ticker', () => {
  it('asks the documented path and range with the key in the Authorization header, archiving the JSON as is', async () => {
    const { server, archived, fetchSymbol } = await setUp();
    const part = await fetchSymbol('AAPL', { from: '2020-08-28', to: '2020-08-31' });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      url: '/tiingo/daily/AAPL/prices?startDate=2020-08-28&endDate=2020-08-31',
      authorization: `Token ${TEST_API_KEY}`,
    });
    expect(archived.map(({ source, runDate, ext }) => [source, runDate, ext])).toEqual([['tiingo', RUN_DATE, 'json']]);
    const body = archived[0].body;
    expect(parseTiingoDaily(body.toString('utf8')).actions).toEqual([
      { kind: 'split', exDate: '2020-08-31', ratio: 4 },
    ]);
    expect(part).toEqual({
      key: `raw/tiingo/prices/${RUN_DATE}/${sha256(body)}.json`,
      sha256: sha256(body),
      bytes: body.length,
      symbol: 'AAPL',
      origin: `${server.url}/tiingo/daily/AAPL/prices?startDate=2020-08-28&endDate=2020-08-31`,
      format: 'tiingo-daily-json',
    });
  });

  it('asks from before any listing to the run date when the request has no range (Tiingo would send one bar)', async () => {
    const { server, archived, fetchSymbol } = await setUp();
    await fetchSymbol('AAPL');
    expect(server.requests[0].params).toEqual({ startDate: '1900-01-01', endDate: RUN_DATE });
    expect(parseTiingoDaily(archived[0].body.toString('utf8')).actions).toHaveLength(2);
  });

  it('fails a 404 "Ticker not found" as an unknown symbol without retry, archiving nothing', async () => {
    const { server, archived, fetchSymbol } = await setUp();
    const failure = await failureOf(fetchSymbol('NOPE'));
    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'NOPE' }] });
    expect(failure.message).toContain("Error: Ticker 'NOPE' not found");
    expect(archived).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it('fails a 429 as retryable, after the Retry-After it sent', async () => {
    const { fetchSymbol } = await setUp({ AAPL: [{ status: 429, retryAfter: '7' }] });
    expect(await failureOf(fetchSymbol('AAPL'))).toMatchObject({
      type: 'ProviderUnavailable',
      nonRetryable: false,
      nextRetryDelay: 7000,
    });
  });

  it.each([401, 403])('fails a %i as a permanent refusal naming TIINGO_API_KEY', async (status) => {
    const { fetchSymbol } = await setUp({ AAPL: [{ status, body: '{"detail":"Invalid token."}' }] });
    const failure = await failureOf(fetchSymbol('AAPL'));
    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(failure.message).toContain(`TIINGO_API_KEY (HTTP ${status})`);
    expect(failure.message).toContain('Invalid token.');
  });

  it('fails a 200 that is not an array of bars as a permanent rejection, archiving nothing', async () => {
    const { archived, fetchSymbol } = await setUp({ AAPL: [{ status: 200, body: '<html>maintenance</html>' }] });
    expect(await failureOf(fetchSymbol('AAPL'))).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(archived).toHaveLength(0);
  });

  it('rejects a malformed date before any request', async () => {
    const { server, fetchSymbol } = await setUp();
    expect(await failureOf(fetchSymbol('AAPL', { from: '2020-8-1' }))).toMatchObject({
      type: 'InvalidInput',
      nonRetryable: true,
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('tiingo adapter plan', () => {
  // plan must do no I/O: every capability throws if touched.
  const untouchable: SourceContext = {
    archiveRaw: () => Promise.reject(new Error('plan must not archive')),
    heartbeat: () => {
      throw new Error('plan must not heartbeat');
    },
    signal: new AbortController().signal,
    fetch: () => Promise.reject(new Error('plan must not fetch')),
  };
  const plan = (source: HttpPriceProvider, symbols: string[]) =>
    source.plan({ request: { source: 'tiingo', symbols }, batchSize: 1, runDate: RUN_DATE }, untouchable);

  it('refuses to plan and to fetch without TIINGO_API_KEY, naming the variable, and sends nothing', async () => {
    const { server, source, fetchSymbol } = await setUp({}, null);
    for (const failure of [await failureOf(plan(source, ['AAPL'])), await failureOf(fetchSymbol('AAPL'))]) {
      expect(failure).toMatchObject({ type: 'ProviderNotConfigured', nonRetryable: true });
      expect(failure.message).toContain('TIINGO_API_KEY is not set');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('plans one batch per symbol at batchSize 1, and refuses a run without symbols', async () => {
    const { source } = await setUp();
    expect(await plan(source, ['aapl', 'msft'])).toEqual([
      { batchKey: 'b0001', symbols: ['AAPL'] },
      { batchKey: 'b0002', symbols: ['MSFT'] },
    ]);
    expect(await failureOf(plan(source, []))).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
  });
});
