import { parseAlphaVantageDaily } from '../../domain/prices';
import {
  startAlphaVantageServer,
  type AlphaVantageBar,
  type AlphaVantageFault,
  type AlphaVantageServer,
} from '../../test/support/alphavantage-server';
import { failureOf, fetchSymbolInActivity, recordingArchive, sha256 } from '../../test/support/provider-adapter';
import { TEST_API_KEY } from '../../test/support/provider-settings';
import type { HttpPriceProvider, SourceContext } from '../types';
import { createAlphaVantageSource } from '.';

const RUN_DATE = '2024-01-02';

const AAPL: AlphaVantageBar[] = [
  {
    date: '2020-08-07',
    open: 452.82,
    high: 454.7,
    low: 441.17,
    close: 444.45,
    adjClose: 109.81,
    volume: 49511403,
    dividend: 0.82,
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
    split: 4,
  },
];

let server: AlphaVantageServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(
  faults: Record<string, AlphaVantageFault[]> = {},
  /** null: no key configured. */ apiKey: string | null = TEST_API_KEY,
) {
  server = await startAlphaVantageServer({ AAPL }, faults);
  const { archived, archiveRaw } = recordingArchive();
  const source = createAlphaVantageSource({ baseUrl: server.url, apiKey: apiKey ?? undefined });
  const fetchSymbol = fetchSymbolInActivity(source, archiveRaw, RUN_DATE);
  return { server, source, archived, fetchSymbol };
}

describe('alphavantage adapter fetchSymbol: one daily adjusted request for one symbol', () => {
  it('asks the documented query for the full series, archives the JSON as is, and records no key in the origin', async () => {
    const { server, archived, fetchSymbol } = await setUp();
    const part = await fetchSymbol('AAPL', { from: '2020-08-28', to: '2020-08-31' });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].url).toBe(
      `/query?function=TIME_SERIES_DAILY_ADJUSTED&symbol=AAPL&outputsize=full&datatype=json&apikey=${TEST_API_KEY}`,
    );
    expect(archived.map(({ source, runDate, ext }) => [source, runDate, ext])).toEqual([
      ['alphavantage', RUN_DATE, 'json'],
    ]);
    const body = archived[0].body;
    // The whole history is archived: the range is the transform's to apply.
    expect(parseAlphaVantageDaily(body.toString('utf8')).actions).toEqual([
      { kind: 'dividend', exDate: '2020-08-07', cashAmount: 0.82 },
      { kind: 'split', exDate: '2020-08-31', ratio: 4 },
    ]);
    expect(part).toEqual({
      key: `raw/alphavantage/prices/${RUN_DATE}/${sha256(body)}.json`,
      sha256: sha256(body),
      bytes: body.length,
      symbol: 'AAPL',
      origin: `${server.url}/query?function=TIME_SERIES_DAILY_ADJUSTED&symbol=AAPL&outputsize=full&datatype=json`,
      format: 'alphavantage-daily',
    });
  });

  it('archives a CSV answer as csv, in the same raw format', async () => {
    const { archived, fetchSymbol } = await setUp({
      AAPL: [
        {
          status: 200,
          body: 'timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient\r\n2020-08-31,127.5800,131.0000,126.0000,129.0400,127.5300,225702700,0.0000,4.0\r\n',
        },
      ],
    });
    const part = await fetchSymbol('AAPL');
    expect(archived[0].ext).toBe('csv');
    expect(part).toMatchObject({ symbol: 'AAPL', format: 'alphavantage-daily' });
  });

  it('fails an "Error Message: Invalid API call" as an unknown symbol without retry, archiving nothing', async () => {
    const { server, archived, fetchSymbol } = await setUp();
    const failure = await failureOf(fetchSymbol('NOPE'));
    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'NOPE' }] });
    expect(failure.message).toContain('NOPE');
    expect(archived).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it.each(['minute-limit', 'daily-limit'] as const)(
    'fails a 200 %s notice as retryable, archiving nothing',
    async (notice) => {
      const { archived, fetchSymbol } = await setUp({ AAPL: [notice] });
      const failure = await failureOf(fetchSymbol('AAPL'));
      expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false });
      expect(failure.message).toMatch(/throttled AAPL: Thank you for using Alpha Vantage/);
      expect(archived).toHaveLength(0);
    },
  );

  it('fails a premium-endpoint notice and a refused key as permanent rejections, naming the key', async () => {
    const premium = await setUp({ AAPL: ['premium'] });
    expect(await failureOf(premium.fetchSymbol('AAPL'))).toMatchObject({
      type: 'ProviderRejected',
      nonRetryable: true,
    });
    await server?.close();

    const wrongKey = await setUp({}, 'not-the-key');
    const failure = await failureOf(wrongKey.fetchSymbol('AAPL'));
    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(failure.message).toContain('ALPHAVANTAGE_API_KEY');
  });

  it('fails a 503 as retryable after its Retry-After', async () => {
    const { fetchSymbol } = await setUp({ AAPL: [{ status: 503, body: 'busy', retryAfter: '3' }] });
    expect(await failureOf(fetchSymbol('AAPL'))).toMatchObject({
      type: 'ProviderUnavailable',
      nonRetryable: false,
      nextRetryDelay: 3000,
    });
  });

  it('fails a 200 that is neither a series nor a notice as a permanent rejection', async () => {
    const { archived, fetchSymbol } = await setUp({ AAPL: [{ status: 200, body: '<html>maintenance</html>' }] });
    expect(await failureOf(fetchSymbol('AAPL'))).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(archived).toHaveLength(0);
  });
});

describe('alphavantage adapter plan', () => {
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
    source.plan({ request: { source: 'alphavantage', symbols }, batchSize: 10, runDate: RUN_DATE }, untouchable);

  it('refuses to plan and to fetch without ALPHAVANTAGE_API_KEY, naming the variable, and sends nothing', async () => {
    const { server, source, fetchSymbol } = await setUp({}, null);
    const planned = await failureOf(plan(source, ['AAPL']));
    for (const failure of [planned, await failureOf(fetchSymbol('AAPL'))]) {
      expect(failure).toMatchObject({ type: 'ProviderNotConfigured', nonRetryable: true });
      expect(failure.message).toContain('ALPHAVANTAGE_API_KEY is not set');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('plans batches of the symbols when the key is set', async () => {
    const { source } = await setUp();
    expect(await plan(source, ['aapl', 'MSFT', 'AAPL'])).toEqual([{ batchKey: 'b0001', symbols: ['AAPL', 'MSFT'] }]);
  });
});
