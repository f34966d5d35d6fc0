import { createHash } from 'node:crypto';
import { Context } from '@temporalio/activity';
import { ApplicationFailure, CancelledFailure, type Logger } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import type { RawPart } from '../../contracts';
import { sharedData } from '../../test/support/shared-data';
import {
  sharedStooqFixtures,
  startStooqServer,
  stooqCsvFromOhlcvFile,
  type StooqFaultPlan,
  type StooqServer,
} from '../../test/support/stooq-server';
import type { CollectInput, SourceContext } from '../types';
import { createStooqSource, type StooqSourceOptions } from '.';

const RUN_DATE = '2024-01-02';
const RANGE = { from: '2013-02-11', to: '2013-02-15' };
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

describe('stooq adapter collect', () => {
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
    // When each request left: the pacer's promise is made here, at the client (arrival at the server jitters).
    const fetchStarts: number[] = [];
    const timedFetch: typeof fetch = (input, init) => {
      fetchStarts.push(performance.now());
      return fetch(input, init);
    };
    const collect = (symbols: string[], request: Partial<CollectInput['request']> = {}): Promise<RawPart[]> =>
      env.run(() => {
        // Built inside the run so heartbeat and signal are the mock activity's own.
        const context = Context.current();
        const ctx: SourceContext = {
          archiveRaw: archive.archiveRaw,
          heartbeat: (details) => context.heartbeat(details),
          signal: context.cancellationSignal,
          fetch: timedFetch,
        };
        return source.collect!({ request: { source: 'stooq', symbols, ...request }, symbols, runDate: RUN_DATE }, ctx);
      });
    return { server, env, heartbeats, archived: archive.archived, collect, fetchStarts };
  }

  async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApplicationFailure);
    return error as ApplicationFailure;
  }

  it('archives each symbol body byte for byte and returns its part', async () => {
    const { server, archived, collect } = await setUp();

    const parts = await collect(['AAPL.US', 'MSFT.US'], RANGE);

    const expectedAapl = stooqCsvFromOhlcvFile(AAPL_FILE, RANGE);
    expect(expectedAapl.split('\r\n')[1]).toBe('2013-02-11,68.0714,69.2771,67.6071,68.5614,129029425');
    expect(archived.map(({ source, runDate, ext }) => [source, runDate, ext])).toEqual([
      ['stooq', RUN_DATE, 'csv'],
      ['stooq', RUN_DATE, 'csv'],
    ]);
    expect(archived[0].body.toString('utf8')).toBe(expectedAapl);
    expect(parts[0]).toEqual({
      key: `raw/stooq/prices/${RUN_DATE}/${sha256(expectedAapl)}.csv`,
      sha256: sha256(expectedAapl),
      bytes: Buffer.byteLength(expectedAapl),
      symbol: 'AAPL.US',
      origin: `${server.url}?s=aapl.us&i=d&d1=20130211&d2=20130215`,
    });
    expect(parts[1]).toMatchObject({ symbol: 'MSFT.US', sha256: sha256(archived[1].body) });
    expect(archived[1].body.toString('utf8').split('\r\n')).toHaveLength(1 + 5 + 1);
  });

  it('requests the lower-cased symbol at daily interval, with d1/d2 only when a range is given', async () => {
    const { server, collect } = await setUp();

    await collect(['AAPL.US'], RANGE);
    await collect(['MSFT.US']);

    expect(server.requests.map((request) => request.params)).toEqual([
      { s: 'aapl.us', i: 'd', d1: '20130211', d2: '20130215' },
      { s: 'msft.us', i: 'd' },
    ]);
  });

  it('heartbeats the index of the next symbol after each one', async () => {
    const { heartbeats, collect } = await setUp();

    await collect(['AAPL.US', 'MSFT.US'], RANGE);

    expect(heartbeats).toEqual([{ next: 1 }, { next: 2 }]);
  });

  it('fails an unknown symbol ("No data") without retry, naming it, and stops the batch', async () => {
    const { server, archived, collect } = await setUp();

    const failure = await failureOf(collect(['AAPL.US', 'NOPE.US', 'MSFT.US'], RANGE));

    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'NOPE.US' }] });
    expect(failure.message).toContain('NOPE.US');
    expect(archived).toHaveLength(1);
    expect(server.requestsFor('msft.us')).toHaveLength(0);
  });

  it('fails a 404 as an unknown symbol without retry', async () => {
    const { collect } = await setUp({ 'aapl.us': { status: 404 } });

    const failure = await failureOf(collect(['AAPL.US']));

    expect(failure).toMatchObject({ type: 'UnknownSymbol', nonRetryable: true, details: [{ symbol: 'AAPL.US' }] });
  });

  it('fails a 400 as a permanent provider rejection', async () => {
    const { collect } = await setUp({ 'aapl.us': [400] });

    const failure = await failureOf(collect(['AAPL.US']));

    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(failure.message).toContain('400');
  });

  it('fails a 200 that is not CSV as a provider rejection quoting the body', async () => {
    const { collect } = await setUp({ 'aapl.us': [{ status: 200, body: 'Exceeded the daily hits limit' }] });

    const failure = await failureOf(collect(['AAPL.US']));

    expect(failure).toMatchObject({ type: 'ProviderRejected', nonRetryable: true });
    expect(failure.message).toContain('Exceeded the daily hits limit');
  });

  it('fails 429 then 503 as retryable, then succeeds on the third attempt', async () => {
    const { server, archived, collect } = await setUp({ 'msft.us': [429, 503] });

    const throttled = await failureOf(collect(['MSFT.US']));
    const unavailable = await failureOf(collect(['MSFT.US']));
    const parts = await collect(['MSFT.US']);

    expect(throttled).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: undefined });
    expect(unavailable).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: undefined });
    expect(unavailable.message).toContain('503');
    expect(server.requestsFor('msft.us')).toHaveLength(3);
    expect(parts).toHaveLength(1);
    expect(archived).toHaveLength(1);
  });

  it('honours Retry-After as the next retry delay', async () => {
    const { collect } = await setUp({ 'aapl.us': [{ status: 429, retryAfter: '7' }] });

    const failure = await failureOf(collect(['AAPL.US']));

    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: 7000 });
  });

  it('fails a request that outlives its timeout as retryable', async () => {
    const { collect } = await setUp({ 'aapl.us': ['hang'] }, { requestTimeoutMs: 100 });

    const failure = await failureOf(collect(['AAPL.US']));

    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false });
    expect(failure.message).toContain('TimeoutError');
  });

  it('fails an unreachable provider as retryable', async () => {
    const { server, collect } = await setUp();
    await server.close();

    const failure = await failureOf(collect(['AAPL.US']));

    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false });
  });

  it('aborts the in-flight request when the activity is cancelled', async () => {
    const { server, env, archived, collect } = await setUp({ 'aapl.us': ['hang'] });
    const running = collect(['AAPL.US', 'MSFT.US']);
    const settled = running.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    await waitFor(() => server.requests.length === 1);

    env.cancel();

    // The server never answers, so only an aborted fetch can settle the run.
    await expect(settled).resolves.toBeInstanceOf(CancelledFailure);
    expect(archived).toHaveLength(0);
    expect(server.requestsFor('msft.us')).toHaveLength(0);
  });

  it('spaces requests at the configured rate', async () => {
    const { server, collect, fetchStarts } = await setUp({}, { requestsPerSecond: 10 });

    await collect(['AAPL.US', 'MSFT.US', 'AAPL.US'], RANGE);

    expect(server.requests).toHaveLength(3);
    const gaps = fetchStarts.slice(1).map((at, i) => at - fetchStarts[i]);
    expect(gaps).toHaveLength(2);
    // 100 ms apart, less the 1 ms steps of Date.now (the pacer's clock) and of Node's timers, each of which can
    // round a wait down by up to a millisecond.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(97);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
