import { createHash } from 'node:crypto';
import { CancelledFailure } from '@temporalio/common';
import { emptyRowCounts } from '../../contracts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import type { LoadPriceBatchInput } from './load-price-batch';
import { startStalledLoad } from '../../test/support/stalled-load';
import { waitFor } from '../../test/support/wait-for';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

const DAY_MS = 86_400_000;
/** Staged rows (STAGED_COLUMNS) of one symbol, one a day from 2000-01-01. */
const stagedLines = (symbol: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const date = new Date(Date.UTC(2000, 0, 1) + i * DAY_MS).toISOString().slice(0, 10);
    return `${symbol},${date},,,,${10 + i},,100,"{}"\n`;
  });

function batchInput(key: string, text: string, rows: number): LoadPriceBatchInput {
  return {
    workflowId: 'w-cancel',
    runId: 'r1',
    batchKey: 'b0001',
    source: 'csv',
    symbols: ['CXL'],
    parts: [],
    staged: { key, sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) },
    rejected: null,
    counts: { ...emptyRowCounts(), rowsRead: rows, rowsLoaded: rows },
  };
}

/** Sessions of the test database in a state, as the server sees them (`COPY` ones only when `copy`). */
async function sessions(state: string, copy = false): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state LIKE $1 AND ($2 = false OR query LIKE 'COPY price_bars_staging%')`,
    [state, copy],
  );
  return rows[0].n;
}

describe('loadPriceBatch activity, cancelled', () => {
  it('destroys the staged read and the COPY in flight, rolls back, and leaves the pool able to load the batch', async () => {
    const lines = stagedLines('CXL', 4000);
    const text = lines.join('');
    const input = batchInput('staged/cancel.csv', text, lines.length);
    // S3 sent half the staged object and then stalled.
    const {
      env,
      body,
      outcome: loading,
      finish,
    } = startStalledLoad(
      database.pool,
      { key: input.staged.key, text, sentBeforeStall: lines.slice(0, 2000).join('') },
      (activities) => activities.loadPriceBatch(input),
    );
    await waitFor(async () => (await sessions('active', true)) === 1);

    env.cancel();

    await expect(loading).resolves.toBeInstanceOf(CancelledFailure);
    expect(body.destroyed).toBe(true);
    // The server ended the COPY and the transaction: no session is left in it, nothing was written.
    await waitFor(async () => (await sessions('active', true)) === 0);
    expect(await sessions('idle in transaction%')).toBe(0);
    const count = async (sql: string) => (await database.pool.query<{ n: number }>(sql)).rows[0].n;
    expect(await count(`SELECT count(*)::int AS n FROM price_bars WHERE symbol = 'CXL'`)).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM ingestion_batches WHERE workflow_id = 'w-cancel'`)).toBe(0);

    // The retry Temporal would make loads the whole batch, once.
    const counts = await finish();
    expect(counts).toEqual({ rowsInserted: 4000, rowsUpdated: 0, rowsUnchanged: 0, changedSymbols: ['CXL'] });
    expect(await count(`SELECT count(*)::int AS n FROM price_bars WHERE symbol = 'CXL'`)).toBe(4000);
  });
});
