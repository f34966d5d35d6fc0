import { parseYahooChart } from '../../domain/prices';
import { failureOf, fetchSymbolInActivity, recordingArchive, sha256 } from '../../test/support/provider-adapter';
import {
  startYahooServer,
  type YahooFault,
  type YahooServer,
  type YahooSymbolData,
} from '../../test/support/yahoo-server';
import { createYahooSource } from '.';

const RUN_DATE = '2024-01-02';

const AAPL: YahooSymbolData = {
  bars: [
    { date: '2020-08-28', open: 504.05, high: 505.77, low: 498.31, close: 499.23, adjClose: 123.2, volume: 46907500 },
    { date: '2020-08-31', open: 127.58, high: 131, low: 126, close: 129.04, adjClose: 127.52, volume: 225702700 },
  ],
  splits: [{ date: '2020-08-31', numerator: 4, denominator: 1 }],
  dividends: [{ date: '2020-08-07', amount: 0.82 }],
};

let server: YahooServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(faults: Record<string, YahooFault[]> = {}) {
  server = await startYahooServer({ AAPL }, faults);
  const { archived, archiveRaw } = recordingArchive();
  const source = createYahooSource({ baseUrl: server.url });
  const fetchSymbol = fetchSymbolInActivity(source, archiveRaw, RUN_DATE);
  return { server, archived, fetchSymbol };
}

describe('yahoo adapter fetchSymbol: one chart request for one symbol', () => {
  it('asks the documented path and parameters, archives the JSON as is and returns its part', async () => {
    const { server, archived, fetchSymbol } = await setUp();
    const part = await fetchSymbol('AAPL', { from: '2020-08-01', to: '2020-08-31' });

    expect(server.requests).toHaveLength(1);
    const period1 = Date.parse('2020-08-01T00:00:00Z') / 1000;
    const period2 = Date.parse('2020-09-01T00:00:00Z') / 1000;
    expect(server.requests[0].url).toBe(
      `/v8/finance/chart/AAPL?period1=${period1}&period2=${period2}&interval=1d&events=div%7Csplit`,
    );
    expect(archived.map(({ source, runDate, ext }) => [source, runDate, ext])).toEqual([['yahoo', RUN_DATE, 'json']]);
    const body = archived[0].body;
    expect(parseYahooChart(body.toString('utf8')).actions).toEqual([
      { kind: 'dividend', exDate: '2020-08-07', cashAmount: 0.82 },
      { kind: 'split', exDate: '2020-08-31', ratio: 4 },
    ]);
    expect(part).toEqual({
      key: `raw/yahoo/prices/${RUN_DATE}/${sha256(body)}.json`,
      sha256: sha256(body),
      bytes: body.length,
      symbol: 'AAPL',
      origin: `${server.url}${server.requests[0].url}`,
      format: 'yahoo-chart-json',
    });
  });

  it('asks from the first bar to the end of the run date when the request has no range', async () => {
    const { server, fetchSymbol } = await setUp();
    await fetchSymbol('AAPL');
    expect(server.requests[0].params).toMatchObject({
      period1: '0',
      period2: String(Date.parse('2024-01-03T00:00:00Z') / 1000),
    });
  });

  it('fails a 404 chart.error "Not Found" as an unknown symbol without retry, archiving nothing', async () => {
    const { server, archived, fetchSymbol } = await setUp();
    const failure = await failureOf(fetchSymbol('NOPE'));
    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'NOPE' }] });
    expect(failure.message).toContain('NOPE');
    expect(archived).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it('fails a 429 as retryable, after the Retry-After it sent', async () => {
    const { fetchSymbol } = await setUp({ AAPL: [{ status: 429, retryAfter: '7' }] });
    const failure = await failureOf(fetchSymbol('AAPL'));
    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: 7000 });
  });

  it('fails a 200 that is not the chart JSON as a permanent rejection, archiving nothing', async () => {
    const { archived, fetchSymbol } = await setUp({ AAPL: [{ status: 200, body: '<html>consent</html>' }] });
    const failure = await failureOf(fetchSymbol('AAPL'));
    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(archived).toHaveLength(0);
  });

  it('rejects a malformed date before any request', async () => {
    const { server, fetchSymbol } = await setUp();
    const failure = await failureOf(fetchSymbol('AAPL', { from: '2020-8-1' }));
    expect(failure).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    expect(server.requests).toHaveLength(0);
  });
});
