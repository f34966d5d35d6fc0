import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { planFundamentalsBatches } from '../../activities/etl/fundamentals-plan';
import { buildTestApp } from '../../api/test-support/test-app';
import { runFundamentals } from '../../cli/fundamentals-command';
import { runCaptured } from '../../cli/test-support';
import {
  addFactCounts,
  emptyFactCounts,
  FAILURE_TYPES,
  type IngestFundamentalsBatchResult,
  type IngestFundamentalsRequest,
  type PlannedFundamentalsBatch,
} from '../../contracts';
import { putContentAddressed } from '../../infra/objects/content-addressed';
import { objectExists } from '../../infra/s3';
import { createSecSource } from '../../sources/sec';
import { ingestFundamentalsBatch } from '../../workflows';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { SHARED_COMPANIES, sharedCompanyTickersJson, startSecServer, type SecServer } from '../support/sec-server';
import { sharedData } from '../support/shared-data';

const RUN_DATE = '2024-01-02';
const FOLDER = sharedData('fundamentals');
/** Entries in the five shared companyfacts files (every one a valid fact, none repeated). */
const FACTS = { 320193: 24579, 1045810: 26903, 1640147: 8163, 1652044: 20324, 1835632: 8053 };
const ALL_FACTS = Object.values(FACTS).reduce((a, b) => a + b, 0);

let sec: SecServer;
let harness: EtlHarness;
let scratch: string;

beforeAll(async () => {
  // NVIDIA is throttled, then SEC is busy, then it answers: both must be retried by Temporal.
  sec = await startSecServer({ 1045810: [429, 503] });
  harness = await startEtlHarness({ secUrl: sec.url });
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-fundamentals-'));
  fs.writeFileSync(path.join(scratch, 'company_tickers.json'), sharedCompanyTickersJson());
});

afterAll(async () => {
  await harness?.stop();
  await sec?.close();
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

type Totals = ReturnType<typeof emptyFactCounts> & { failures: { symbols: string[]; type: string }[] };

/**
 * One run of a request: the plan (the real plan activity's code, in-process), then every batch as the
 * `ingestFundamentalsBatch` child workflow through Temporal on the real etl, etl-sec and data workers.
 */
async function ingest(request: IngestFundamentalsRequest, batchSize = 2): Promise<Totals> {
  const workflowId = `fundamentals-${randomBytes(4).toString('hex')}`;
  const tickers =
    request.source === 'sec' && request.symbols?.length
      ? await createSecSource({ baseUrl: sec.url, userAgent: 'IBY tests iby@example.com' }).collectTickers(
          { runDate: RUN_DATE },
          {
            archive: (dataset, runDate, body) =>
              putContentAddressed(harness.s3, `raw/sec/${dataset}/${runDate}`, 'json', body),
            signal: new AbortController().signal,
            fetch,
          },
        )
      : null;
  const batches = await planFundamentalsBatches(harness.s3, { request, batchSize, runDate: RUN_DATE, tickers });
  const totals: Totals = { ...emptyFactCounts(), failures: [] };
  for (const batch of batches) {
    try {
      addFactCounts(totals, await runBatch(request, batch, workflowId));
    } catch (error) {
      if (!(error instanceof WorkflowFailedError)) throw error;
      totals.failures.push({ symbols: batch.symbols, type: rootCauseType(error) });
    }
  }
  return totals;
}

/** An activity's failure reaches the client wrapped (workflow → activity → application failure). */
function rootCauseType(error: Error): string {
  let current: Error = error;
  while (current.cause instanceof Error) current = current.cause;
  return (current as { type?: string }).type ?? current.name;
}

const runBatch = (
  request: IngestFundamentalsRequest,
  batch: PlannedFundamentalsBatch,
  workflowId: string,
): Promise<IngestFundamentalsBatchResult> =>
  harness.client.workflow.execute(ingestFundamentalsBatch, {
    taskQueue: 'etl',
    workflowId: `${workflowId}/${batch.batchKey}`,
    args: [{ request, batch, parentWorkflowId: workflowId, parentRunId: `${workflowId}-run`, runDate: RUN_DATE }],
  });

const factCount = async (): Promise<number> =>
  (await harness.db.query<{ n: number }>('SELECT count(*)::int AS n FROM fundamental_facts')).rows[0].n;

describe('ingestFundamentals batches through Temporal', () => {
  it('sec: maps symbols through the tickers file, retries 429/503, and fails an unknown CIK or symbol by itself', async () => {
    const totals = await ingest({ source: 'sec', symbols: ['NVDA', 'ZZZZ'], ciks: [999999] }, 1);
    expect(sec.requests.map((r) => r.path)).toEqual([
      '/files/company_tickers.json',
      '/api/xbrl/companyfacts/CIK0000999999.json',
      '/api/xbrl/companyfacts/CIK0001045810.json',
      '/api/xbrl/companyfacts/CIK0001045810.json',
      '/api/xbrl/companyfacts/CIK0001045810.json',
    ]);
    expect(sec.requests.every((r) => r.userAgent === 'IBY tests iby@example.com')).toBe(true);
    expect(totals).toEqual({
      factsRead: FACTS[1045810],
      factsStaged: FACTS[1045810],
      factsRejected: 0,
      rejectedByReason: {},
      factsInserted: FACTS[1045810],
      factsUpdated: 0,
      factsUnchanged: 0,
      failures: [
        { symbols: ['CIK0000999999'], type: FAILURE_TYPES.unknownSymbol },
        { symbols: ['ZZZZ'], type: FAILURE_TYPES.unknownSymbol },
      ],
    });
    expect(await factCount()).toBe(FACTS[1045810]);
  });

  it('sec: loads what is new exactly, archives the raw body by content, links tickers to CIKs', async () => {
    const totals = await ingest({ source: 'sec', symbols: ['NVDA', 'AAPL'] });
    expect(totals).toEqual({
      factsRead: FACTS[1045810] + FACTS[320193],
      factsStaged: FACTS[1045810] + FACTS[320193],
      factsRejected: 0,
      rejectedByReason: {},
      factsInserted: FACTS[320193],
      factsUpdated: 0,
      factsUnchanged: FACTS[1045810],
      failures: [],
    });
    expect(await factCount()).toBe(FACTS[1045810] + FACTS[320193]);
    const apple = fs.readFileSync(sharedData('fundamentals', 'CIK0000320193.json'));
    const sha = createHash('sha256').update(apple).digest('hex');
    expect(await objectExists(harness.s3, `raw/sec/fundamentals/${RUN_DATE}/${sha}.json`)).toBe(true);
    const { rows } = await harness.db.query('SELECT symbol, name, cik FROM securities ORDER BY symbol');
    expect(rows).toEqual([
      { symbol: 'AAPL', name: 'Apple Inc.', cik: '320193' },
      { symbol: 'NVDA', name: 'NVIDIA CORP', cik: '1045810' },
    ]);
  });

  it('file: loads a folder with a tickers file; facts already loaded from SEC count as unchanged', async () => {
    const request: IngestFundamentalsRequest = {
      source: 'file',
      path: FOLDER,
      tickers: path.join(scratch, 'company_tickers.json'),
    };
    const first = await ingest(request);
    const already = FACTS[1045810] + FACTS[320193];
    expect(first).toMatchObject({
      factsRead: ALL_FACTS,
      factsRejected: 0,
      factsInserted: ALL_FACTS - already,
      factsUpdated: 0,
      factsUnchanged: already,
      failures: [],
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
    const totals = await ingest({ source: 'file', path: folder });
    expect(totals).toMatchObject({
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
    const { app } = await buildTestApp({ clients: { db: harness.db } });
    try {
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
    } finally {
      await app.close();
    }
  });
});
