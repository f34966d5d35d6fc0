import { ApplicationFailure, type Logger } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { PriceProvider, ProviderRequestOutcome, RawPart } from '../../contracts';
import type { ProviderHealthRecorder } from '../../infra/provider-health';
import { createCsvSource } from '../../sources/csv';
import { createPriceProviders } from '../../sources/providers';
import { memoryObjectStore } from '../../test/support/memory-object-store';
import { testProviderSettings } from '../../test/support/provider-settings';
import { startYahooServer, type YahooServer } from '../../test/support/yahoo-server';
import { createProviderCollectActivities } from './provider-collect';

const silentLogger: Logger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const bar = { date: '2024-01-02', open: 10, high: 11, low: 9, close: 10.5, adjClose: 10.5, volume: 100 };

let server: YahooServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp() {
  server = await startYahooServer(
    { IBM: { bars: [bar] } },
    { MSFT: [{ status: 429, retryAfter: '3' }, { status: 503 }] },
  );
  const s3 = memoryObjectStore();
  const sources = {
    csv: createCsvSource(),
    ...createPriceProviders(testProviderSettings({ yahoo: { url: server.url } }, 1)),
  };
  const recorded: [PriceProvider, ProviderRequestOutcome][] = [];
  const health: ProviderHealthRecorder = {
    record: (provider, outcome) => {
      recorded.push([provider, outcome]);
      return Promise.resolve();
    },
  };
  const activities = createProviderCollectActivities(s3, sources, fetch, health);
  const env = new MockActivityEnvironment(undefined, { logger: silentLogger });
  return { server, s3, activities, env, recorded };
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('fetchProviderSymbol', () => {
  it('sends the request to the named provider and archives its answer in S3 under its name', async () => {
    const { server, s3, activities, env } = await setUp();
    const part: RawPart = await env.run(() =>
      activities.fetchProviderSymbol({ source: 'yahoo', symbol: 'IBM', from: '2024-01-01', runDate: '2024-01-05' }),
    );
    expect(server.requests.map((r) => r.symbol)).toEqual(['IBM']);
    expect(part.key).toMatch(/^raw\/yahoo\/prices\/2024-01-05\/[0-9a-f]{64}\.json$/);
    expect(part).toMatchObject({ symbol: 'IBM', format: 'yahoo-chart-json' });
    expect(s3.objects.get(part.key)?.length).toBe(part.bytes);
  });

  it('refuses a source that is no HTTP provider without retry', async () => {
    const { activities, env } = await setUp();
    const failure = await failureOf(
      env.run(() =>
        activities.fetchProviderSymbol({ source: 'csv' as PriceProvider, symbol: 'IBM', runDate: '2024-01-05' }),
      ),
    );
    expect(failure).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    expect(failure.message).toContain('"csv"');
  });

  it('fails a provider whose key this worker lacks without retry, naming the variable', async () => {
    const activities = createProviderCollectActivities(
      memoryObjectStore(),
      createPriceProviders(testProviderSettings({ tiingo: { apiKey: undefined } }, 1)),
    );
    const env = new MockActivityEnvironment(undefined, { logger: silentLogger });
    const failure = await failureOf(
      env.run(() => activities.fetchProviderSymbol({ source: 'tiingo', symbol: 'IBM', runDate: '2024-01-05' })),
    );
    expect(failure).toMatchObject({ type: 'ProviderNotConfigured', nonRetryable: true });
    expect(failure.message).toBe('TIINGO_API_KEY is not set: this etl worker cannot fetch prices from Tiingo');
  });
});

describe('provider health', () => {
  it('counts each request where it is made: a success, a throttle, an outage and an unknown symbol', async () => {
    const { activities, env, recorded } = await setUp();
    const fetchSymbol = (symbol: string) =>
      env.run(() => activities.fetchProviderSymbol({ source: 'yahoo', symbol, runDate: '2024-01-05' }));
    await fetchSymbol('IBM');
    expect((await failureOf(fetchSymbol('MSFT'))).message).toBe('Yahoo answered HTTP 429 for MSFT');
    expect((await failureOf(fetchSymbol('MSFT'))).message).toBe('Yahoo answered HTTP 503 for MSFT');
    expect((await failureOf(fetchSymbol('ZZZZ'))).type).toBe('UnknownSymbol');
    expect(recorded).toEqual([
      ['yahoo', { kind: 'success', symbol: 'IBM' }],
      ['yahoo', { kind: 'throttled', symbol: 'MSFT' }],
      ['yahoo', { kind: 'failed', symbol: 'MSFT' }],
      ['yahoo', { kind: 'failed', symbol: 'ZZZZ' }],
    ]);
  });

  it('counts nothing for a request that was never made (not a provider)', async () => {
    const { activities, env, recorded } = await setUp();
    await failureOf(
      env.run(() =>
        activities.fetchProviderSymbol({ source: 'csv' as PriceProvider, symbol: 'A', runDate: '2024-01-05' }),
      ),
    );
    expect(recorded).toEqual([]);
  });
});

describe('probeProviderSymbol', () => {
  it('refuses a provider without a probe (Yahoo tells an unknown symbol by its 404) and sends nothing', async () => {
    const { server, activities, env } = await setUp();
    const failure = await failureOf(env.run(() => activities.probeProviderSymbol({ source: 'yahoo', symbol: 'IBM' })));
    expect(failure).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
    expect(server.requests).toHaveLength(0);
  });
});
