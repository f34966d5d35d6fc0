import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { loadStagedPrices } from './price-load';

let database: TestDatabase;
let batch = 0;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

/** Loads staged lines (`SYMBOL,date,close`) as a new batch of run `runId`, the way the load activity does. */
function load(lines: string[], runId = 'r1') {
  const text = lines
    .map((l) => {
      const [symbol, date, close] = l.split(',');
      return `${symbol},${date},,,,${close},,100,"{}"\n`;
    })
    .join('');
  return loadStagedPrices(database.pool, Readable.from([Buffer.from(text)]), {
    workflowId: 'w-merge',
    runId,
    batchKey: `b${++batch}`,
    source: 'csv',
    symbols: [],
    rawObjects: [],
    stagedKey: 'k',
    stagedSha256: createHash('sha256').update(text).digest('hex'),
    rejectedKey: null,
    rowsRead: lines.length,
    rowsLoaded: lines.length,
    rowsRejected: 0,
    rowsFiltered: 0,
  });
}

const rows = async (symbol: string) =>
  (
    await database.pool.query<{ date: string; close: number; updated_at: Date }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, close, updated_at FROM price_bars WHERE symbol = $1 ORDER BY date`,
      [symbol],
    )
  ).rows;

describe('merging a staged batch into price_bars', () => {
  it('inserts symbols without bars, and upserts those with bars in the same batch with exact counts', async () => {
    expect(await load(['AAA,2020-01-02,10', 'AAA,2020-01-03,11', 'BBB,2020-01-02,5'])).toEqual({
      rowsInserted: 3,
      rowsUpdated: 0,
      rowsUnchanged: 0,
      changedSymbols: ['AAA', 'BBB'],
    });
    const before = await rows('AAA');
    // AAA: one unchanged, one changed, one new day; CCC: a new symbol in the same batch.
    const counts = await load(
      ['AAA,2020-01-02,10', 'AAA,2020-01-03,11.5', 'AAA,2020-01-06,12', 'CCC,2020-01-02,7', 'CCC,2020-01-03,8'],
      'r2',
    );
    expect(counts).toEqual({ rowsInserted: 3, rowsUpdated: 1, rowsUnchanged: 1, changedSymbols: ['AAA', 'CCC'] });
    const after = await rows('AAA');
    expect(after.map((r) => [r.date, r.close])).toEqual([
      ['2020-01-02', 10],
      ['2020-01-03', 11.5],
      ['2020-01-06', 12],
    ]);
    // The unchanged row is not rewritten.
    expect(after[0].updated_at).toEqual(before[0].updated_at);
    expect((await rows('CCC')).length).toBe(2);
    const securities = await database.pool.query<{ symbol: string }>('SELECT symbol FROM securities ORDER BY 1');
    expect(securities.rows.map((r) => r.symbol)).toEqual(['AAA', 'BBB', 'CCC']);
  });

  it('loads an empty batch (a header-only file, a range without bars) as nothing changed', async () => {
    expect(await load([], 'r0')).toEqual({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 0, changedSymbols: [] });
  });

  it('falls back to the upsert when another load inserts the same new symbol first', async () => {
    const other = await database.pool.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO price_bars (symbol, date, close, source, workflow_id) VALUES ('DDD', '2020-01-03', 99, 'csv', 'x')`,
      );
      // Our load sees no DDD bars, so it takes the plain insert, which waits on the other's uncommitted key.
      const loading = load(['DDD,2020-01-02,20', 'DDD,2020-01-03,21', 'DDD,2020-01-06,22'], 'r3');
      for (let i = 0; i < 200; i++) {
        const { rows: waiting } = await database.pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (waiting.length) break;
        await new Promise((r) => setTimeout(r, 25));
      }
      await other.query('COMMIT');
      expect(await loading).toEqual({ rowsInserted: 2, rowsUpdated: 1, rowsUnchanged: 0, changedSymbols: ['DDD'] });
    } finally {
      other.release();
    }
    expect((await rows('DDD')).map((r) => r.close)).toEqual([20, 21, 22]);
  });
});
