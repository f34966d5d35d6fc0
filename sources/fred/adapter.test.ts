import { Context } from '@temporalio/activity';
import { failureOf, sha256, silentLogger } from '../../test/support/provider-adapter';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { MacroRawPart } from '../../contracts';
import { parseFredObservations } from '../../domain/macro';
import { startFredServer, type FredFault, type FredServer } from '../../test/support/fred-server';
import { createFredSource, type FredContext } from '.';

const RUN_DATE = '2024-01-02';
const KEY = 'test-key-0123456789abcdef';

const DGS10 = [
  { date: '2019-12-31', value: '1.92', realtimeStart: '2020-01-02', realtimeEnd: '9999-12-31' },
  { date: '2020-01-01', value: '.', realtimeStart: '2020-01-02', realtimeEnd: '9999-12-31' },
];

let server: FredServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(faults: Record<string, FredFault[]> = {}, apiKey: string | null = KEY) {
  server = await startFredServer({ apiKey: KEY, series: { DGS10 }, faults });
  const archived: Buffer[] = [];
  const env = new MockActivityEnvironment(undefined, { logger: silentLogger });
  const source = createFredSource({ baseUrl: server.url, apiKey: apiKey ?? undefined });
  const fetchSeries = (seriesId: string, period: { realtimeStart?: string; realtimeEnd?: string } = {}) =>
    env.run((): Promise<MacroRawPart> => {
      const ctx: FredContext = {
        archive: (runDate, body) => {
          archived.push(body);
          const hash = sha256(body);
          return Promise.resolve({ key: `raw/fred/macro/${runDate}/${hash}.json`, sha256: hash, bytes: body.length });
        },
        signal: Context.current().cancellationSignal,
        fetch,
      };
      return source.fetchSeries({ seriesId, runDate: RUN_DATE, ...period }, ctx);
    });
  return { server, archived, fetchSeries };
}

describe('fred adapter fetchSeries: one observations request for one series', () => {
  it('asks the documented path and parameters, archives the JSON as is, and never names the key in the origin', async () => {
    const { server, archived, fetchSeries } = await setUp();
    const part = await fetchSeries('DGS10', { realtimeStart: '2020-01-01', realtimeEnd: '9999-12-31' });
    expect(server.requests).toEqual([
      {
        seriesId: 'DGS10',
        params: {
          series_id: 'DGS10',
          api_key: KEY,
          file_type: 'json',
          realtime_start: '2020-01-01',
          realtime_end: '9999-12-31',
        },
      },
    ]);
    expect(archived).toHaveLength(1);
    expect(parseFredObservations(archived[0].toString('utf8'))).toMatchObject({ missing: 1 });
    expect(part).toEqual({
      key: `raw/fred/macro/${RUN_DATE}/${sha256(archived[0])}.json`,
      sha256: sha256(archived[0]),
      bytes: archived[0].length,
      seriesId: 'DGS10',
      origin: `${server.url}/fred/series/observations?series_id=DGS10&file_type=json&realtime_start=2020-01-01&realtime_end=9999-12-31`,
    });
    expect(part.origin).not.toContain(KEY);
  });

  it('fails FRED’s 400 "The series does not exist." as an unknown series without retry, archiving nothing', async () => {
    const { archived, fetchSeries } = await setUp();
    const failure = await failureOf(fetchSeries('NOPE'));
    expect(failure).toMatchObject({ type: 'UnknownSeries', nonRetryable: true, details: [{ seriesId: 'NOPE' }] });
    expect(failure.message).toBe('FRED has no series NOPE');
    expect(archived).toHaveLength(0);
  });

  it('fails a refused API key without retry, naming FRED_API_KEY', async () => {
    const { fetchSeries } = await setUp({}, 'wrong-key');
    const failure = await failureOf(fetchSeries('DGS10'));
    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(failure.message).toContain('FRED_API_KEY');
    expect(failure.message).not.toContain('wrong-key');
  });

  it('fails without any request when FRED_API_KEY is not set', async () => {
    const { server, fetchSeries } = await setUp({}, null);
    const failure = await failureOf(fetchSeries('DGS10'));
    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(failure.message).toContain('FRED_API_KEY is not set');
    expect(server.requests).toHaveLength(0);
  });

  it('fails a 429 as retryable, after the Retry-After it sent', async () => {
    const { fetchSeries } = await setUp({ DGS10: [{ status: 429, retryAfter: '3' }] });
    const failure = await failureOf(fetchSeries('DGS10'));
    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: 3000 });
  });

  it('fails a 200 that is not the observations JSON as a permanent rejection, archiving nothing', async () => {
    const { archived, fetchSeries } = await setUp({ DGS10: [{ status: 200, body: '<html>maintenance</html>' }] });
    const failure = await failureOf(fetchSeries('DGS10'));
    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(archived).toHaveLength(0);
  });

  it('rejects a malformed date before any request', async () => {
    const { server, fetchSeries } = await setUp();
    const failure = await failureOf(fetchSeries('DGS10', { realtimeStart: '2020-1-1' }));
    expect(failure).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    expect(server.requests).toHaveLength(0);
  });
});
