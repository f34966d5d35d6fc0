import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { sharedData } from '../../test/support/shared-data';
import { startSecServer, type SecFault, type SecServer } from '../../test/support/sec-server';
import { createSecSource } from './adapter';
import { parseCompanyTickers } from './tickers';
import type { SecContext } from './types';

const RUN_DATE = '2024-01-02';
const USER_AGENT = 'IBY tests iby-tests@example.com';
const APPLE_FILE = sharedData('fundamentals', 'CIK0000320193.json');
const sha256 = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

interface Archived {
  dataset: string;
  runDate: string;
  body: Buffer;
}

let server: SecServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setUp(faults: Record<string, SecFault[]> = {}) {
  server = await startSecServer(faults);
  const archived: Archived[] = [];
  const ctx: SecContext = {
    archive: (dataset, runDate, body) => {
      archived.push({ dataset, runDate, body });
      const hash = sha256(body);
      return Promise.resolve({ key: `raw/sec/${dataset}/${runDate}/${hash}.json`, sha256: hash, bytes: body.length });
    },
    signal: new AbortController().signal,
    fetch,
  };
  const source = createSecSource({ baseUrl: server.url, userAgent: USER_AGENT });
  return { server, archived, ctx, source };
}

async function failureOf(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

describe('SEC adapter', () => {
  it('fetches a companyfacts document with one request, sends the User-Agent and archives the bytes as sent', async () => {
    const { server, archived, ctx, source } = await setUp();
    const part = await source.collectCompanyFacts({ cik: 320193, runDate: RUN_DATE }, ctx);
    const expected = fs.readFileSync(APPLE_FILE);
    expect(archived).toHaveLength(1);
    expect(archived[0]).toMatchObject({ dataset: 'fundamentals', runDate: RUN_DATE });
    expect(archived[0].body.equals(expected)).toBe(true);
    expect(part).toEqual({
      key: `raw/sec/fundamentals/${RUN_DATE}/${sha256(expected)}.json`,
      sha256: sha256(expected),
      bytes: expected.length,
      cik: 320193,
      origin: `${server.url}/api/xbrl/companyfacts/CIK0000320193.json`,
    });
    expect(server.requests).toEqual([
      expect.objectContaining({ path: '/api/xbrl/companyfacts/CIK0000320193.json', userAgent: USER_AGENT }),
    ]);
  });

  it('fails an unknown CIK (404) without retry, naming it', async () => {
    const { archived, ctx, source } = await setUp();
    const failure = await failureOf(source.collectCompanyFacts({ cik: 999999, runDate: RUN_DATE }, ctx));
    expect(failure).toMatchObject({
      type: FAILURE_TYPES.unknownSymbol,
      nonRetryable: true,
      details: [{ cik: 999999 }],
    });
    expect(failure.message).toContain('CIK 999999');
    expect(archived).toHaveLength(0);
  });

  it('fails 429 then 503 as retryable, one request each, then succeeds', async () => {
    const { server, archived, ctx, source } = await setUp({ 1045810: [429, 503] });
    const collect = () => source.collectCompanyFacts({ cik: 1045810, runDate: RUN_DATE }, ctx);
    const throttled = await failureOf(collect());
    const busy = await failureOf(collect());
    const part = await collect();
    expect(throttled).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: undefined });
    expect(throttled.message).toContain('429');
    expect(busy).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false });
    expect(busy.message).toContain('503');
    expect(server.requestsFor(1045810)).toHaveLength(3);
    expect(part.cik).toBe(1045810);
    expect(archived).toHaveLength(1);
  });

  it('honours Retry-After as the next retry delay', async () => {
    const { ctx, source } = await setUp({ 320193: [{ status: 429, retryAfter: '7' }] });
    const failure = await failureOf(source.collectCompanyFacts({ cik: 320193, runDate: RUN_DATE }, ctx));
    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false, nextRetryDelay: 7000 });
  });

  it('fails a 403 as a permanent rejection and a 200 that is not JSON as a provider rejection', async () => {
    const { ctx, source } = await setUp({ 320193: [403, { status: 200, body: '<html>maintenance</html>' }] });
    const forbidden = await failureOf(source.collectCompanyFacts({ cik: 320193, runDate: RUN_DATE }, ctx));
    expect(forbidden).toMatchObject({ type: FAILURE_TYPES.providerRejected, nonRetryable: true });
    const html = await failureOf(source.collectCompanyFacts({ cik: 320193, runDate: RUN_DATE }, ctx));
    expect(html).toMatchObject({ type: FAILURE_TYPES.providerRejected, nonRetryable: true });
    expect(html.message).toContain('maintenance');
  });

  it('fails an unreachable SEC as retryable', async () => {
    const { server, ctx, source } = await setUp();
    await server.close();
    const failure = await failureOf(source.collectCompanyFacts({ cik: 320193, runDate: RUN_DATE }, ctx));
    expect(failure).toMatchObject({ type: 'ProviderUnavailable', nonRetryable: false });
  });

  it('fetches company_tickers.json once and archives it as tickers', async () => {
    const { server, archived, ctx, source } = await setUp();
    const ref = await source.collectTickers({ runDate: RUN_DATE }, ctx);
    expect(server.requests.map((r) => r.path)).toEqual(['/files/company_tickers.json']);
    expect(ref.key).toMatch(/^raw\/sec\/tickers\/2024-01-02\/[0-9a-f]{64}\.json$/);
    expect(ref.origin).toBe(`${server.url}/files/company_tickers.json`);
    const tickers = parseCompanyTickers(archived[0].body.toString('utf8'));
    expect(tickers.map((t) => [t.symbol, t.cik])).toEqual([
      ['AAPL', 320193],
      ['NVDA', 1045810],
      ['GOOGL', 1652044],
      ['MRVL', 1835632],
      ['SNOW', 1640147],
    ]);
    expect(tickers[0].title).toBe('Apple Inc.');
  });
});
