/* eslint-disable @typescript-eslint/no-unsafe-member-access --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { runFundamentals } from '../../../cli/fundamentals-command';
import { runCaptured } from '../../../cli/test-support';
import { parseCompanyFactsJson } from '../../../domain/finance/fundamentals';
import { loadStagedFacts } from '../../../infra/repositories/fundamentals-load';
import { toStagedFactLine } from '../../../infra/repositories/fundamentals-staged';
import { SHARED_COMPANIES } from '../../../test/support/sec-server';
import { sharedData } from '../../../test/support/shared-data';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { buildTestApp, type TestApp } from '../../test-support/test-app';

let database: TestDatabase;
let t: TestApp;

/** Stages a companyfacts file the way the transform does and loads it with the production load (no S3 needed). */
async function loadFile(db: Pool, file: string, runId: string, tickers: { symbol: string; title: string }[] = []) {
  const text = fs.readFileSync(file, 'utf8');
  const rawSha = createHash('sha256').update(text).digest('hex');
  const facts = parseCompanyFactsJson(text);
  const staged = facts.facts.map((fact) => toStagedFactLine(facts.cik, fact, rawSha)).join('');
  return loadStagedFacts(db, Readable.from([Buffer.from(staged)]), {
    workflowId: 'fundamentals-test',
    runId,
    batchKey: `b${facts.cik}`,
    source: 'file',
    companies: [
      { cik: facts.cik, entityName: facts.entityName, tickers: tickers.map((x) => ({ ...x, cik: facts.cik })) },
    ],
    rawObjects: [],
    stagedKey: 'staged/test',
    stagedSha256: createHash('sha256').update(staged).digest('hex'),
    rejectedKey: null,
    factsRead: facts.facts.length,
    factsStaged: facts.facts.length,
    factsRejected: 0,
  });
}

const cli = (file: string, ...args: string[]) => runCaptured(runFundamentals, [file, ...args]);

beforeAll(async () => {
  database = await createTestDatabase();
  for (const { file, ticker, cik } of SHARED_COMPANIES) {
    const title = cik === 320193 ? 'Apple Inc.' : ticker;
    await loadFile(database.pool, sharedData('fundamentals', file), 'r1', [{ symbol: ticker, title }]);
  }
  t = await buildTestApp({ clients: { db: database.pool } });
}, 120_000);
afterAll(async () => {
  await t?.app.close();
  await database?.drop();
});

describe('fundamentals from the stored point-in-time facts', () => {
  const dates = ['2015-06-01', '2020-01-01', '2022-03-01', '2024-01-01', '2026-01-01'];
  const cases = SHARED_COMPANIES.flatMap(({ cik, file }) => dates.map((asOf) => [cik, file, asOf] as const));

  it.each(cases)('CIK %i (%s) as of %s equals iby fundamentals on the file', async (cik, file, asOf) => {
    const expected = await cli(sharedData('fundamentals', file), '--as-of', asOf, '--price', '150.25', '--json');
    const response = await t.app.inject({ url: `/v1/companies/${cik}/fundamentals?asOf=${asOf}&price=150.25` });
    if (expected.code === 0) {
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(JSON.parse(expected.out));
    } else {
      // The CLI's message is `iby fundamentals: <file>: <reason>`; the API gives the same reason.
      expect(response.statusCode).toBe(422);
      const body = response.json<{ error: string; message: string }>();
      expect(body.error).toBe('no_annual_filing');
      expect(body.message).toMatch(/^no 10-K filed on or before /);
      expect(expected.err).toContain(body.message);
    }
  });

  it('answers by symbol through securities.cik, without a price the market ratios are null', async () => {
    const expected = await cli(sharedData('fundamentals', 'CIK0000320193.json'), '--as-of', '2024-01-01', '--json');
    const response = await t.app.inject({ url: '/v1/securities/aapl/fundamentals?asOf=2024-01-01' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(JSON.parse(expected.out));
    expect(response.json().ratios.pe).toBeNull();
    expect(response.json().filing).toEqual({
      form: '10-K',
      fy: 2023,
      periodEnd: '2023-09-30',
      accn: '0000320193-23-000106',
      filed: '2023-11-03',
    });
  });

  it('accepts a zero-padded CIK', async () => {
    const padded = await t.app.inject({ url: '/v1/companies/CIK0000320193/fundamentals?asOf=2024-01-01' });
    const plain = await t.app.inject({ url: '/v1/companies/320193/fundamentals?asOf=2024-01-01' });
    expect(padded.statusCode).toBe(200);
    expect(padded.json()).toEqual(plain.json());
  });

  it('sets securities.cik and the name from the tickers', async () => {
    const { rows } = await database.pool.query('SELECT symbol, name, cik FROM securities ORDER BY symbol');
    expect(rows).toEqual([
      { symbol: 'AAPL', name: 'Apple Inc.', cik: '320193' },
      { symbol: 'GOOGL', name: 'GOOGL', cik: '1652044' },
      { symbol: 'MRVL', name: 'MRVL', cik: '1835632' },
      { symbol: 'NVDA', name: 'NVDA', cik: '1045810' },
      { symbol: 'SNOW', name: 'SNOW', cik: '1640147' },
    ]);
  });

  it('answers 404 for an unknown company or symbol, and for a security without a CIK', async () => {
    await database.pool.query("INSERT INTO securities (symbol) VALUES ('NOCIK')");
    for (const url of [
      '/v1/companies/42/fundamentals',
      '/v1/securities/ZZZZ/fundamentals',
      '/v1/securities/NOCIK/fundamentals',
    ]) {
      const response = await t.app.inject({ url });
      expect([url, response.statusCode, response.json().error]).toEqual([url, 404, 'not_found']);
    }
  });

  it('rejects a bad date, a non-positive price and a malformed CIK, naming the field', async () => {
    const bad = [
      ['/v1/companies/320193/fundamentals?asOf=2024-02-30', 'asOf'],
      ['/v1/companies/320193/fundamentals?price=0', 'price'],
      ['/v1/companies/AAPL/fundamentals', 'cik'],
    ];
    for (const [url, field] of bad) {
      const response = await t.app.inject({ url });
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toContain(field);
    }
  });
});

describe('the idempotent facts load', () => {
  it('a second load of the same file inserts nothing and counts every fact unchanged', async () => {
    const apple = sharedData('fundamentals', 'CIK0000320193.json');
    const before = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM fundamental_facts');
    const again = await loadFile(database.pool, apple, 'r2');
    expect(again).toEqual({ factsInserted: 0, factsUpdated: 0, factsUnchanged: 24579 });
    const after = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM fundamental_facts');
    expect(after.rows[0].n).toBe(before.rows[0].n);
    // A retry of the same run and batch returns the ledger's counts without loading again.
    expect(await loadFile(database.pool, apple, 'r2')).toEqual(again);
  }, 30_000);

  it('keeps every copy of a repeated fact, each with its own accession and filing date', async () => {
    const { rows } = await database.pool.query<{ filed: string; value: number; accn: string }>(
      `SELECT filed, value, accn FROM fundamental_facts
        WHERE cik = 320193 AND concept = 'EarningsPerShareBasic' AND period_start = '2019-09-29' AND period_end = '2020-09-26'
        ORDER BY filed`,
    );
    // FY2020 basic EPS as first reported, then repeated by later 10-Ks: every copy kept with its own accession.
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows.map((r) => r.accn)).size).toBe(rows.length);
    expect(rows[0]).toMatchObject({ filed: '2020-10-30', value: 3.31 });
  });
});
