import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../api/app';
import { deadRedis } from '../../api/test-support/test-app';
import { runFundamentals } from '../../cli/fundamentals-command';
import { runCaptured } from '../../cli/test-support';
import { loadConfig } from '../../config';
import { FAILURE_TYPES, type IngestFundamentalsResult } from '../../contracts';
import { objectExists } from '../../infra/s3';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { SHARED_COMPANIES, sharedCompanyTickersJson, startSecServer, type SecServer } from '../support/sec-server';
import { recordHistory } from '../support/record-history';
import { SHARED_DATA, sharedData } from '../support/shared-data';

const FOLDER = sharedData('fundamentals');
/** Entries in the five shared companyfacts files (every one a valid fact, none repeated). */
const FACTS = { 320193: 24579, 1045810: 26903, 1640147: 8163, 1652044: 20324, 1835632: 8053 };
const ALL_FACTS = Object.values(FACTS).reduce((a, b) => a + b, 0);

const API_KEY = 'integration-key';

let sec: SecServer;
let harness: EtlHarness;
let scratch: string;
let app: FastifyInstance;

beforeAll(async () => {
  // NVIDIA is throttled, then SEC is busy, then it answers: both must be retried by Temporal.
  sec = await startSecServer({ 1045810: [429, 503] });
  harness = await startEtlHarness({ secUrl: sec.url });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-fundamentals-'));
  fs.writeFileSync(path.join(scratch, 'company_tickers.json'), sharedCompanyTickersJson());
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: harness.dbUrl,
    S3_BUCKET: harness.s3.bucket,
    IMPORT_ROOTS: `${SHARED_DATA},${scratch}`,
    API_KEYS: API_KEY,
  });
  const redis = deadRedis();
  app = await buildApp({ config, clients: { db: harness.db, temporal: harness.client, s3: harness.s3, redis } });
  app.addHook('onClose', () => redis.disconnect());
});

afterAll(async () => {
  await app?.close();
  await harness?.stop();
  await sec?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

const start = (body: object) =>
  app.inject({ method: 'POST', url: '/v1/runs/fundamentals', headers: { 'x-api-key': API_KEY }, payload: body });

/** `POST /v1/runs/fundamentals`, then the run's result through `GET /v1/runs/{id}` once Temporal says it is done. */
async function ingest(
  body: object,
  history?: string,
  childHistories: Record<string, string> = {},
): Promise<IngestFundamentalsResult> {
  const started = await start(body);
  expect(started.statusCode).toBe(202);
  const { workflowId } = started.json<{ workflowId: string }>();
  await harness.client.workflow.getHandle(workflowId).result();
  if (history) recordHistory(workflowId, history);
  for (const [batchKey, name] of Object.entries(childHistories)) recordHistory(`${workflowId}/${batchKey}`, name);
  const status = await app.inject({ url: `/v1/runs/${encodeURIComponent(workflowId)}` });
  expect(status.statusCode).toBe(200);
  const run = status.json<{ status: string; kind: string; result: IngestFundamentalsResult }>();
  expect([run.status, run.kind]).toEqual(['COMPLETED', 'fundamentals']);
  return run.result;
}

const factCount = async (): Promise<number> =>
  (await harness.db.query<{ n: number }>('SELECT count(*)::int AS n FROM fundamental_facts')).rows[0].n;

const noFailures = { batchesFailed: 0, failures: [], outcome: 'succeeded', factsRejected: 0, rejectedByReason: {} };

describe('ingestFundamentals through the API and Temporal', () => {
  it('sec: maps symbols through the tickers file, retries 429/503, and fails an unknown CIK or symbol by itself', async () => {
    const result = await ingest(
      { source: 'sec', symbols: ['NVDA', 'ZZZZ'], ciks: [999999], batchSize: 1 },
      'ingest-fundamentals-sec-partial',
      {
        b0002: 'ingest-fundamentals-batch-sec-retried',
      },
    );
    expect(sec.requests.map((r) => r.path).sort()).toEqual([
      '/api/xbrl/companyfacts/CIK0000999999.json',
      '/api/xbrl/companyfacts/CIK0001045810.json',
      '/api/xbrl/companyfacts/CIK0001045810.json',
      '/api/xbrl/companyfacts/CIK0001045810.json',
      '/files/company_tickers.json',
    ]);
    expect(sec.requests.every((r) => r.userAgent === 'IBY tests iby@example.com')).toBe(true);
    expect(result).toMatchObject({
      batches: 3,
      batchesFailed: 2,
      outcome: 'partial',
      companies: 1,
      factsRead: FACTS[1045810],
      factsStaged: FACTS[1045810],
      factsRejected: 0,
      factsInserted: FACTS[1045810],
      factsUpdated: 0,
      factsUnchanged: 0,
    });
    const failures = result.failures.map(({ batchKey, symbols, type }) => ({ batchKey, symbols, type }));
    expect(failures.sort((a, b) => a.batchKey.localeCompare(b.batchKey))).toEqual([
      { batchKey: 'b0001', symbols: ['CIK0000999999'], type: FAILURE_TYPES.unknownSymbol },
      { batchKey: 'b0003', symbols: ['ZZZZ'], type: FAILURE_TYPES.unknownSymbol },
    ]);
    expect(await factCount()).toBe(FACTS[1045810]);
  });

  it('sec: loads what is new exactly, archives the raw body by content, links tickers to CIKs', async () => {
    const result = await ingest({ source: 'sec', symbols: ['NVDA', 'AAPL'] });
    expect(result).toMatchObject({
      ...noFailures,
      batches: 1,
      companies: 2,
      factsRead: FACTS[1045810] + FACTS[320193],
      factsStaged: FACTS[1045810] + FACTS[320193],
      factsInserted: FACTS[320193],
      factsUpdated: 0,
      factsUnchanged: FACTS[1045810],
    });
    expect(await factCount()).toBe(FACTS[1045810] + FACTS[320193]);
    const apple = fs.readFileSync(sharedData('fundamentals', 'CIK0000320193.json'));
    const sha = createHash('sha256').update(apple).digest('hex');
    // The ledger names the raw object each batch loaded; its key is the body's sha256.
    const ledger = await harness.db.query<{ raw: { key: string; sha256: string; origin: string }[] }>(
      'SELECT raw_objects AS raw FROM ingestion_batches',
    );
    const archived = ledger.rows.flatMap((row) => row.raw).find((object) => object.sha256 === sha);
    expect(archived?.key).toMatch(new RegExp(`^raw/sec/fundamentals/\\d{4}-\\d{2}-\\d{2}/${sha}\\.json$`));
    expect(archived?.origin).toBe(`${sec.url}/api/xbrl/companyfacts/CIK0000320193.json`);
    expect(await objectExists(harness.s3, archived?.key ?? '')).toBe(true);
    const { rows } = await harness.db.query('SELECT symbol, name, cik FROM securities ORDER BY symbol');
    expect(rows).toEqual([
      { symbol: 'AAPL', name: 'Apple Inc.', cik: '320193' },
      { symbol: 'NVDA', name: 'NVIDIA CORP', cik: '1045810' },
    ]);
  });

  it('file: loads a folder with a tickers file; facts already loaded from SEC count as unchanged', async () => {
    const request = { source: 'file', path: FOLDER, tickers: path.join(scratch, 'company_tickers.json'), batchSize: 2 };
    const first = await ingest(request, 'ingest-fundamentals-file');
    const already = FACTS[1045810] + FACTS[320193];
    expect(first).toMatchObject({
      ...noFailures,
      batches: 3,
      companies: 5,
      factsRead: ALL_FACTS,
      factsInserted: ALL_FACTS - already,
      factsUpdated: 0,
      factsUnchanged: already,
    });
    expect(await factCount()).toBe(ALL_FACTS);
    const { rows } = await harness.db.query<{ symbol: string; cik: string }>(
      'SELECT symbol, cik FROM securities ORDER BY symbol',
    );
    expect(rows.map((r) => [r.symbol, Number(r.cik)])).toEqual(
      SHARED_COMPANIES.map((c) => [c.ticker, c.cik]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    );

    // The same request again: nothing new, every fact unchanged.
    const second = await ingest(request);
    expect(second).toMatchObject({
      factsRead: ALL_FACTS,
      factsInserted: 0,
      factsUpdated: 0,
      factsUnchanged: ALL_FACTS,
    });
    expect(await factCount()).toBe(ALL_FACTS);
  });

  it('file: counts every skipped or rejected entry by reason and loads the rest', async () => {
    const folder = path.join(scratch, 'damaged');
    fs.mkdirSync(folder);
    const good = {
      start: '2022-01-01',
      end: '2022-12-31',
      val: 5,
      accn: '0009990010-23-000001',
      fy: 2022,
      fp: 'FY',
      form: '10-K',
      filed: '2023-02-01',
    };
    const entries = [
      good,
      { ...good, end: '2021-12-31', start: '2021-01-01', val: 4 },
      { ...good, val: undefined },
      { ...good, val: '5' },
      { ...good, end: undefined },
      { ...good, filed: undefined },
      { ...good, accn: undefined },
      'not an entry',
      { ...good, end: '2023-02-30' },
      { ...good },
    ];
    fs.writeFileSync(
      path.join(folder, 'CIK0000999001.json'),
      JSON.stringify({
        cik: 999001,
        entityName: 'Damaged Co',
        facts: { 'us-gaap': { Revenues: { units: { USD: entries } } } },
      }),
    );
    const result = await ingest({ source: 'file', path: folder });
    expect(result).toMatchObject({
      batches: 1,
      batchesFailed: 0,
      factsRead: 10,
      factsStaged: 2,
      factsRejected: 8,
      rejectedByReason: {
        missing_value: 1,
        invalid_value: 1,
        missing_end: 1,
        missing_filed: 1,
        missing_accn: 1,
        not_an_object: 1,
        invalid_date: 1,
        duplicate: 1,
      },
      factsInserted: 2,
    });
    const { rows } = await harness.db.query(
      'SELECT period_start, period_end, value, filed FROM fundamental_facts WHERE cik = 999001 ORDER BY period_end',
    );
    expect(rows).toEqual([
      { period_start: '2021-01-01', period_end: '2021-12-31', value: 4, filed: '2023-02-01' },
      { period_start: '2022-01-01', period_end: '2022-12-31', value: 5, filed: '2023-02-01' },
    ]);
  });

  it('GET /v1/companies/320193/fundamentals?asOf=2024-01-01 equals iby fundamentals on the same file', async () => {
    {
      const cli = await runCaptured(runFundamentals, [
        sharedData('fundamentals', 'CIK0000320193.json'),
        '--as-of',
        '2024-01-01',
        '--json',
      ]);
      expect(cli.code).toBe(0);
      const response = await app.inject({ url: '/v1/companies/320193/fundamentals?asOf=2024-01-01' });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(JSON.parse(cli.out));
      const bySymbol = await app.inject({ url: '/v1/securities/AAPL/fundamentals?asOf=2024-01-01' });
      expect(bySymbol.json()).toEqual(JSON.parse(cli.out));
    }
  });

  it('refuses paths outside the import roots and fields of the other source, naming the field', async () => {
    const cases: [object, string][] = [
      [{ source: 'file', path: '/etc' }, 'body/path'],
      [{ source: 'file', path: FOLDER, tickers: '/etc/passwd' }, 'body/tickers'],
      [{ source: 'file', path: FOLDER, symbols: ['AAPL'] }, 'body/symbols'],
      [{ source: 'sec' }, 'body/symbols'],
      [{ source: 'sec', symbols: ['AAPL'], path: FOLDER }, 'body/path'],
      [{ source: 'edgar', symbols: ['AAPL'] }, 'source'],
    ];
    for (const [body, field] of cases) {
      const response = await start(body);
      expect([field, response.statusCode]).toEqual([field, 400]);
      expect(response.json<{ message: string }>().message).toContain(field);
    }
    const unauthenticated = await app.inject({
      method: 'POST',
      url: '/v1/runs/fundamentals',
      payload: { source: 'sec', symbols: ['AAPL'] },
    });
    expect(unauthenticated.statusCode).toBe(401);
  });
});
