import { createHash } from 'node:crypto';
import { ApplicationFailure, CancelledFailure, type Logger } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { RawPart } from '../../contracts';
import { memoryObjectStore } from '../../test/support/memory-object-store';
import {
  sharedStooqFixtures,
  startStooqServer,
  type StooqFaultPlan,
  type StooqServer,
} from '../../test/support/stooq-server';
import { createStooqSource } from '../../sources/stooq';
import { createStooqCollectActivities, type FetchStooqSymbolInput } from './stooq-collect';
import { waitFor } from '../../test/support/wait-for';

const RUN_DATE = '2024-01-02';
const silentLogger: Logger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

let server: StooqServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The production activities against a local Stooq-format server and an in-memory S3. */
async function setUp(faults: Record<string, StooqFaultPlan> = {}) {
  server = await startStooqServer(sharedStooqFixtures(), faults);
  const s3 = memoryObjectStore();
  const activities = createStooqCollectActivities(s3, createStooqSource({ baseUrl: server.url }));
  const env = new MockActivityEnvironment(undefined, { logger: silentLogger });
  /** One attempt of the activity, as a worker runs it; Temporal would retry a retryable failure. */
  const attempt = (input: Omit<FetchStooqSymbolInput, 'runDate'>): Promise<RawPart> =>
    env.run(() => activities.fetchStooqSymbol({ ...input, runDate: RUN_DATE }));
  return { server, s3, env, activities, attempt };
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('fetchStooqSymbol activity', () => {
  it('makes one request, archives the body content-addressed in S3 and returns only its key', async () => {
    const { server, s3, attempt } = await setUp();

    const part = await attempt({ symbol: 'AAPL.US', from: '2017-01-01', to: '2017-12-31' });

    const stored = s3.objects.get(part.key);
    expect(stored).toBeDefined();
    const sha256 = createHash('sha256').update(stored!).digest('hex');
    expect(part).toEqual({
      key: `raw/stooq/prices/${RUN_DATE}/${sha256}.csv`,
      sha256,
      bytes: stored!.length,
      symbol: 'AAPL.US',
      origin: `${server.url}/q/d/l/?s=aapl.us&i=d&d1=20170101&d2=20171231`,
    });
    // 251 trading days of 2017 and the header: the bars are in S3, not in the result.
    expect(stored!.toString('utf8').trimEnd().split('\r\n')).toHaveLength(1 + 251);
    expect(server.requests).toHaveLength(1);
  });

  it('writes nothing new when an attempt is repeated: the same bytes are the same key', async () => {
    const { s3, attempt } = await setUp();

    const first = await attempt({ symbol: 'MSFT.US' });
    const second = await attempt({ symbol: 'MSFT.US' });

    expect(second).toEqual(first);
    expect(s3.puts).toEqual([first.key]);
  });

  it('fails 429 and 503 as retryable, one request per attempt, and archives on the attempt that succeeds', async () => {
    const { server, s3, attempt } = await setUp({ 'msft.us': [429, 503] });

    const throttled = await failureOf(attempt({ symbol: 'MSFT.US' }));
    const unavailable = await failureOf(attempt({ symbol: 'MSFT.US' }));
    expect(s3.puts).toEqual([]);
    const part = await attempt({ symbol: 'MSFT.US' });

    expect([throttled.type, throttled.nonRetryable, throttled.message]).toEqual([
      'ProviderUnavailable',
      false,
      expect.stringContaining('429'),
    ]);
    expect([unavailable.type, unavailable.nonRetryable, unavailable.message]).toEqual([
      'ProviderUnavailable',
      false,
      expect.stringContaining('503'),
    ]);
    expect(server.requestsFor('msft.us')).toHaveLength(3);
    expect(s3.puts).toEqual([part.key]);
  });

  it('fails a 404 without retry as that symbol unknown, naming it, and archives nothing', async () => {
    const { server, s3, attempt } = await setUp({ 'zzzz.us': { status: 404 } });

    const failure = await failureOf(attempt({ symbol: 'ZZZZ.US' }));

    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'ZZZZ.US' }] });
    expect(failure.message).toContain('ZZZZ.US');
    expect(server.requests).toHaveLength(1);
    expect(s3.puts).toEqual([]);
  });

  it('is cancelled with its request when the activity is cancelled', async () => {
    const { server, s3, env, attempt } = await setUp({ 'aapl.us': ['hang'] });
    const settled = attempt({ symbol: 'AAPL.US' }).then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await waitFor(() => server.requests.length === 1, { timeoutMs: 2000, everyMs: 5 });

    env.cancel();

    await expect(settled).resolves.toBeInstanceOf(CancelledFailure);
    expect(s3.puts).toEqual([]);
  });
});

describe('probeStooqSymbol activity', () => {
  it('resolves for a known symbol and fails an unknown one without retry, one request each', async () => {
    const { server, s3, env, activities } = await setUp();

    await env.run(() => activities.probeStooqSymbol({ symbol: 'AAPL.US' }));
    const failure = await failureOf(env.run(() => activities.probeStooqSymbol({ symbol: 'QQQQ.US' })));

    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true });
    expect(server.requests.map((request) => request.params)).toEqual([
      { s: 'aapl.us', i: 'd' },
      { s: 'qqqq.us', i: 'd' },
    ]);
    expect(s3.puts).toEqual([]);
  });
});
