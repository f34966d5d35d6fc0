import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure, type Logger } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { sharedData } from '../../test/support/shared-data';
import {
  sharedStooqFixtures,
  startStooqServer,
  stooqCsvFromOhlcvFile,
  type StooqFaultPlan,
  type StooqServer,
} from '../../test/support/stooq-server';
import type { SourceContext } from '../types';
import { createStooqSource, type StooqSource, type StooqSourceOptions } from '.';

const RUN_DATE = '2024-01-02';
const RANGE = { from: '2013-02-11', to: '2013-02-15' };
// 2017-01-07 and 08 are a Saturday and a Sunday: AAPL has no bars there.
const WEEKEND = { from: '2017-01-07', to: '2017-01-08' };
const AAPL_FILE = sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv');
const sha256 = (body: Buffer | string): string => createHash('sha256').update(body).digest('hex');

const silentLogger: Logger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };

interface Archived {
  source: string;
  runDate: string;
  body: Buffer;
  ext: string;
}

/** Records every archive call and answers like the real archive: a content-addressed key. */
function fakeArchive(): { archived: Archived[]; archiveRaw: SourceContext['archiveRaw'] } {
  const archived: Archived[] = [];
  const archiveRaw: SourceContext['archiveRaw'] = (source, runDate, body, ext) => {
    if (!Buffer.isBuffer(body)) return Promise.reject(new Error('the Stooq adapter archives buffers'));
    archived.push({ source, runDate, body, ext });
    const hash = sha256(body);
    return Promise.resolve({ key: `raw/${source}/prices/${runDate}/${hash}.${ext}`, sha256: hash, bytes: body.length });
  };
  return { archived, archiveRaw };
}

let server: StooqServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(faults: Record<string, StooqFaultPlan> = {}, options: Partial<StooqSourceOptions> = {}) {
  server = await startStooqServer(sharedStooqFixtures(), faults);
  const env = new MockActivityEnvironment(undefined, { logger: silentLogger });
  const heartbeats: unknown[] = [];
  env.on('heartbeat', (details: unknown) => heartbeats.push(details));
  const archive = fakeArchive();
  const source = createStooqSource({ baseUrl: server.url, ...options });
  /** Runs `work` as the mock activity, with a context built inside it so heartbeat and signal are its own. */
  const inActivity = <T>(work: (source: StooqSource, ctx: SourceContext) => Promise<T>): Promise<T> =>
    env.run(() => {
      const context = Context.current();
      return work(source, {
        archiveRaw: archive.archiveRaw,
        heartbeat: (details) => context.heartbeat(details),
        signal: context.cancellationSignal,
        fetch,
      });
    });
  const fetchSymbol = (symbol: string, range: { from?: string; to?: string } = {}) =>
    inActivity((stooq, ctx) => stooq.fetchSymbol({ symbol, ...range, runDate: RUN_DATE }, ctx));
  return { server, env, heartbeats, archived: archive.archived, inActivity, fetchSymbol };
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('stooq adapter fetchSymbol: one request for one symbol', () => {
  it('archives the body byte for byte and returns its part', async () => {
    const { server, archived, fetchSymbol } = await setUp();

    const part = await fetchSymbol('AAPL.US', RANGE);

    const expectedAapl = stooqCsvFromOhlcvFile(AAPL_FILE, RANGE);
    expect(expectedAapl.split('\r\n')[1]).toBe('2013-02-11,68.0714,69.2771,67.6071,68.5614,129029425');
    expect(archived.map(({ source, runDate, ext }) => [source, runDate, ext])).toEqual([['stooq', RUN_DATE, 'csv']]);
    expect(archived[0].body.toString('utf8')).toBe(expectedAapl);
    expect(part).toEqual({
      key: `raw/stooq/prices/${RUN_DATE}/${sha256(expectedAapl)}.csv`,
      sha256: sha256(expectedAapl),
      bytes: Buffer.byteLength(expectedAapl),
      symbol: 'AAPL.US',
      origin: `${server.url}/q/d/l/?s=aapl.us&i=d&d1=20130211&d2=20130215`,
    });
    expect(server.requests).toHaveLength(1);
  });

  it('requests the lower-cased symbol at daily interval, with d1/d2 only when a range is given', async () => {
    const { server, fetchSymbol } = await setUp();

    await fetchSymbol('AAPL.US', RANGE);
    await fetchSymbol('MSFT.US');

    expect(server.requests.map((request) => request.params)).toEqual([
      { s: 'aapl.us', i: 'd', d1: '20130211', d2: '20130215' },
      { s: 'msft.us', i: 'd' },
    ]);
  });

  it('fails "No data" as an unknown symbol without retry, naming it, after its one request even with a range', async () => {
    const { server, archived, fetchSymbol } = await setUp();

    const failure = await failureOf(fetchSymbol('NOPE.US', RANGE));

    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'NOPE.US' }] });
    expect(failure.message).toContain('NOPE.US');
    expect(archived).toHaveLength(0);
    // Telling an unknown symbol from an empty range is a second request, so the workflow's second activity.
    expect(server.requests).toHaveLength(1);
  });

  it('fails a 404 as an unknown symbol without retry', async () => {
    const { fetchSymbol } = await setUp({ 'aapl.us': { status: 404 } });

    const failure = await failureOf(fetchSymbol('AAPL.US'));

    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'AAPL.US' }] });
  });

  it('fails a 400 as a permanent provider rejection', async () => {
    const { fetchSymbol } = await setUp({ 'aapl.us': [400] });

    const failure = await failureOf(fetchSymbol('AAPL.US'));

    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(failure.message).toContain('400');
  });

  it('fails a 200 that is not CSV as a provider rejection quoting the body', async () => {
    const { archived, fetchSymbol } = await setUp({
      'aapl.us': [{ status: 200, body: 'Exceeded the daily hits limit' }],
    });

    const failure = await failureOf(fetchSymbol('AAPL.US'));

    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(failure.message).toContain('Exceeded the daily hits limit');
    expect(archived).toHaveLength(0);
  });

  it('fails 429 then 503 as retryable, one request per attempt, then succeeds on the third', async () => {
    const { server, archived, fetchSymbol } = await setUp({ 'msft.us': [429, 503] });

    const throttled = await failureOf(fetchSymbol('MSFT.US'));
    expect(server.requestsFor('msft.us')).toHaveLength(1);
    const unavailable = await failureOf(fetchSymbol('MSFT.US'));
    expect(server.requestsFor('msft.us')).toHaveLength(2);
    const part = await fetchSymbol('MSFT.US');

    expect(throttled).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: undefined });
    expect(unavailable).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: undefined });
    expect(unavailable.message).toContain('503');
    expect(server.requestsFor('msft.us')).toHaveLength(3);
    expect(archived).toHaveLength(1);
    expect(part).toMatchObject({ symbol: 'MSFT.US', sha256: sha256(archived[0].body) });
  });

  it('honours Retry-After as the next retry delay', async () => {
    const { fetchSymbol } = await setUp({ 'aapl.us': [{ status: 429, retryAfter: '7' }] });

    const failure = await failureOf(fetchSymbol('AAPL.US'));

    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: 7000 });
  });

  it('fails a request that outlives its timeout as retryable', async () => {
    const { fetchSymbol } = await setUp({ 'aapl.us': ['hang'] }, { requestTimeoutMs: 100 });

    const failure = await failureOf(fetchSymbol('AAPL.US'));

    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false });
    expect(failure.message).toContain('TimeoutError');
  });

  it('fails an unreachable provider as retryable', async () => {
    const { server, fetchSymbol } = await setUp();
    await server.close();

    const failure = await failureOf(fetchSymbol('AAPL.US'));

    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false });
  });

  it('aborts the in-flight request when the activity is cancelled', async () => {
    const { server, env, archived, fetchSymbol } = await setUp({ 'aapl.us': ['hang'] });
    const settled = fetchSymbol('AAPL.US').then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await waitFor(() => server.requests.length === 1);

    env.cancel();

    // The server never answers, so only an aborted fetch can settle the call.
    await expect(settled).resolves.toBeInstanceOf(CancelledFailure);
    expect(archived).toHaveLength(0);
  });
});

describe('stooq adapter probeSymbol', () => {
  it('resolves for a known symbol after one request without a range, archiving nothing', async () => {
    const { server, archived, inActivity } = await setUp();

    await inActivity((stooq, ctx) => stooq.probeSymbol({ symbol: 'AAPL.US' }, ctx));

    expect(server.requests.map((request) => request.params)).toEqual([{ s: 'aapl.us', i: 'd' }]);
    expect(archived).toHaveLength(0);
  });

  it('fails an unknown symbol without retry', async () => {
    const { inActivity } = await setUp();

    const failure = await failureOf(inActivity((stooq, ctx) => stooq.probeSymbol({ symbol: 'QQQQ.US' }, ctx)));

    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'QQQQ.US' }] });
  });
});

describe('stooq adapter collect, for batches started before Stooq was fetched per symbol', () => {
  const collect =
    (symbols: string[], range: { from?: string; to?: string }) => (stooq: StooqSource, ctx: SourceContext) =>
      stooq.collect!({ request: { source: 'stooq', symbols, ...range }, symbols, runDate: RUN_DATE }, ctx);

  it('fetches each symbol in turn, heartbeating the next index; a known symbol with no bars adds no part', async () => {
    const { server, heartbeats, inActivity } = await setUp();

    const parts = await inActivity(collect(['AAPL.US', 'MSFT.US'], WEEKEND));

    expect(parts).toEqual([]);
    expect(server.requests.map((request) => `${request.symbol} ${request.params.d1 ?? 'all'}`)).toEqual([
      'aapl.us 20170107',
      'aapl.us all',
      'msft.us 20170107',
      'msft.us all',
    ]);
    expect(heartbeats).toEqual([{ next: 1 }, { next: 2 }]);
  });

  it('fails the batch on its first unknown symbol and stops there', async () => {
    const { server, archived, inActivity } = await setUp();

    const failure = await failureOf(inActivity(collect(['AAPL.US', 'NOPE.US', 'MSFT.US'], RANGE)));

    expect(failure).toMatchObject({ type: 'UnknownSymbol', details: [{ symbol: 'NOPE.US' }] });
    expect(archived).toHaveLength(1);
    expect(server.requestsFor('msft.us')).toHaveLength(0);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
