import { createHash } from 'node:crypto';
import { CancelledFailure } from '@temporalio/common';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import type { LoadFundamentalsBatchInput } from './fundamentals-load';
import { startStalledLoad } from '../../test/support/stalled-load';
import { waitFor } from '../../test/support/wait-for';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** Staged fact lines (STAGED_FACT_COLUMNS) of one company: one concept per line, so every line is a new fact. */
const stagedLines = (cik: number, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `${cik},"us-gaap","Concept${i}","USD",,2020-12-31,${1000 + i},"0000320193-21-000010",2020,"FY","10-K",2021-01-29,,"sha"\n`,
  );

function batchInput(key: string, text: string, facts: number): LoadFundamentalsBatchInput {
  return {
    workflowId: 'w-cancel-facts',
    runId: 'r1',
    batchKey: 'b0001',
    source: 'file',
    parts: [],
    staged: { key, sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) },
    rejected: null,
    counts: { factsRead: facts, factsRejected: 0, rejectedByReason: {}, factsStaged: facts },
    companies: [],
  };
}

const count = async (sql: string) => (await database.pool.query<{ n: number }>(sql)).rows[0].n;

async function copiesInFlight(): Promise<number> {
  return count(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY fundamental_facts_staging%'`,
  );
}

describe('loadFundamentalsBatch activity, cancelled', () => {
  it('destroys the staged read and the COPY in flight, rolls back, and a retry loads the batch once', async () => {
    const lines = stagedLines(320193, 4000);
    const text = lines.join('');
    const input = batchInput('staged/facts-cancel.csv', text, lines.length);
    // S3 sent half the staged object and then stalled.
    const {
      env,
      body,
      outcome: loading,
      finish,
    } = startStalledLoad(
      database.pool,
      { key: input.staged.key, text, sentBeforeStall: lines.slice(0, 2000).join('') },
      (activities) => activities.loadFundamentalsBatch(input),
    );
    await waitFor(async () => (await copiesInFlight()) === 1);

    env.cancel();

    await expect(loading).resolves.toBeInstanceOf(CancelledFailure);
    expect(body.destroyed).toBe(true);
    await waitFor(async () => (await copiesInFlight()) === 0);
    expect(await count(`SELECT count(*)::int AS n FROM fundamental_facts WHERE cik = 320193`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM ingestion_batches WHERE workflow_id = 'w-cancel-facts'`)).toBe(
      0,
    );

    const counts = await finish();
    expect(counts).toEqual({ factsInserted: 4000, factsUpdated: 0, factsUnchanged: 0 });
    expect(await count(`SELECT count(*)::int AS n FROM fundamental_facts WHERE cik = 320193`)).toBe(4000);
  });
});
