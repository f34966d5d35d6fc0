import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { detectSuspectedActions } from './detect-suspected';

let database: TestDatabase;
const run = { workflowId: 'prices-test', runId: 'run-1' };

/** `closes` on consecutive days from 2015-07-13 (bars of the form the load writes). */
async function bars(symbol: string, closes: number[]): Promise<void> {
  await database.pool.query(
    `INSERT INTO price_bars (symbol, date, close, source, workflow_id)
     SELECT $1, date '2015-07-13' + (i - 1)::int, c, 'csv', 'w0' FROM unnest($2::float8[]) WITH ORDINALITY AS t(c, i)`,
    [symbol, closes],
  );
}

const stored = async () =>
  (
    await database.pool.query<{ key: string; first_seen: Date; detected_by_run: string }>(
      `SELECT symbol || ' ' || to_char(ex_date, 'YYYY-MM-DD') || ' ' || kind || ' ' || status AS key, first_seen,
              detected_by_run
         FROM corporate_actions ORDER BY symbol, ex_date, kind`,
    )
  ).rows;

beforeAll(async () => {
  database = await createTestDatabase();
  await bars('EBAY', [66, 66.29, 28.57, 29]); // a spin-off: −56.9 % on 2015-07-15
  await bars('SPLT', [100, 101, 50, 51]); // a 2-for-1 split on 2015-07-15, recorded below
  await bars('SPIK', [40, 40.14, 50.62, 40.42]); // a bad bar on 2015-07-15
  await bars('CALM', [10, 10.1, 10.2, 10.3]);
  await bars('OTHR', [100, 20, 20, 20]); // not loaded by this run: never checked
  await database.pool.query(
    `INSERT INTO corporate_actions (symbol, ex_date, kind, ratio, source, status)
     VALUES ('SPLT', '2015-07-15', 'split', 2, 'yahoo', 'recorded')`,
  );
  await database.pool.query(
    `INSERT INTO ingestion_batches (workflow_id, run_id, batch_key, source, symbols, raw_objects, staged_key,
       staged_sha256, rows_read, rows_loaded, rows_rejected, rows_filtered, rows_inserted, rows_updated, rows_unchanged)
     VALUES ($1, $2, 'b0001', 'csv', '{EBAY,SPLT}', '[]', 'k', 's', 8, 8, 0, 0, 8, 0, 0),
            ($1, $2, 'b0002', 'csv', '{SPIK,CALM}', '[]', 'k', 's', 8, 8, 0, 0, 8, 0, 0)`,
    [run.workflowId, run.runId],
  );
});
afterAll(() => database.drop());

describe('detectSuspectedActions over what a run loaded', () => {
  it('counts and stores the suspicions of the run’s symbols, leaving recorded actions and bars alone', async () => {
    const barsBefore = await database.pool.query('SELECT * FROM price_bars ORDER BY symbol, date');
    const summary = await detectSuspectedActions({ db: database.pool }, run);
    expect(summary).toEqual({
      symbolsChecked: 4,
      suspectedActions: 1,
      suspectedBadBars: 1,
      suspected: [
        { symbol: 'EBAY', date: '2015-07-15', reason: 'suspected_corporate_action' },
        { symbol: 'SPIK', date: '2015-07-15', reason: 'suspected_bad_bar' },
      ],
    });
    expect((await stored()).map((r) => r.key)).toEqual([
      'EBAY 2015-07-15 unexplained_move suspected',
      'SPIK 2015-07-15 bad_bar suspected',
      'SPLT 2015-07-15 split recorded',
    ]);
    const { rows } = await database.pool.query<{ ratio: number; evidence: Record<string, unknown> }>(
      `SELECT ratio, evidence FROM corporate_actions WHERE symbol = 'EBAY'`,
    );
    expect(rows[0].ratio).toBeCloseTo(28.57 / 66.29, 12);
    expect(rows[0].evidence).toMatchObject({ previousDate: '2015-07-14', previousClose: 66.29, close: 28.57 });
    expect((await database.pool.query('SELECT * FROM price_bars ORDER BY symbol, date')).rows).toEqual(barsBefore.rows);
  });

  it('is idempotent, and drops a suspicion once a recorded action explains it', async () => {
    const before = await stored();
    expect(await detectSuspectedActions({ db: database.pool }, { ...run, workflowId: 'prices-test' })).toMatchObject({
      suspectedActions: 1,
      suspectedBadBars: 1,
    });
    expect(await stored()).toEqual(before);

    // A provider's record that explains the move (28.57 × 2.32 is within 40 % of 66.29).
    await database.pool.query(
      `INSERT INTO corporate_actions (symbol, ex_date, kind, ratio, source, status)
       VALUES ('EBAY', '2015-07-15', 'split', 2.32, 'tiingo', 'recorded')`,
    );
    const after = await detectSuspectedActions({ db: database.pool }, run);
    expect(after).toMatchObject({ suspectedActions: 0, suspectedBadBars: 1 });
    expect((await stored()).map((r) => r.key)).toEqual([
      'EBAY 2015-07-15 split recorded',
      'SPIK 2015-07-15 bad_bar suspected',
      'SPLT 2015-07-15 split recorded',
    ]);
    const spike = (await stored()).find((r) => r.key.startsWith('SPIK'));
    expect(spike?.first_seen).toEqual(before.find((r) => r.key.startsWith('SPIK'))?.first_seen);
    expect(spike?.detected_by_run).toBe('prices-test');
  });

  it('checks nothing for a run without ledger rows', async () => {
    expect(await detectSuspectedActions({ db: database.pool }, { workflowId: 'none', runId: 'none' })).toEqual({
      symbolsChecked: 0,
      suspectedActions: 0,
      suspectedBadBars: 0,
      suspected: [],
    });
  });
});
