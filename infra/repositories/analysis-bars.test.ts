import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { decodeAnalysisBars, readAnalysisBars, readAnalysisBarsText } from './analysis-bars';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.pool;
  // Two loads of AAPL (a CSV file, then a Yahoo run that rewrote one bar), an odd double, NULLs and flags; MSFT
  // is there so nothing of another symbol leaks in.
  await db.query(`
    INSERT INTO price_bars (symbol, date, open, high, low, close, adj_close, volume, flags, source, workflow_id) VALUES
      ('AAPL', '2020-01-02', 74.06, 75.15, 73.7975, 75.0875, 73.152, 135480400, '{}', 'csv', 'w-csv'),
      ('AAPL', '2020-01-03', NULL, 75.145, 74.125, 74.3575, NULL, 146322800, '{missing_open}', 'csv', 'w-csv'),
      ('AAPL', '2020-01-06', 73.4475, 74.99, 73.1875, 74.95, 73.0, NULL, '{zero_volume,missing_open}', 'yahoo', 'w-yahoo'),
      ('AAPL', '2020-01-07', 0.1, 0.30000000000000004, 1e-300, 1.7976931348623157e308, 74.6, 108872000, '{}', 'csv', 'w-csv'),
      ('AAPL', '2020-01-08', 74.29, 76.11, 74.29, 75.7975, 74.8, 132079200, '{}', 'csv', 'w-csv'),
      ('MSFT', '2020-01-02', 158.78, 160.73, 158.33, 160.62, 155.0, 22622100, '{}', 'csv', 'w-csv')`);
  await db.query(`
    INSERT INTO ingestion_batches (workflow_id, batch_key, run_id, source, symbols, raw_objects, staged_key,
                                   staged_sha256, rows_read, rows_loaded, rows_rejected, rows_filtered,
                                   rows_inserted, rows_updated, rows_unchanged, loaded_at) VALUES
      ('w-csv', 'b0001', 'r1', 'csv', '{AAPL,MSFT}', '[]', 'k1', 's1', 6, 6, 0, 0, 6, 0, 0, '2020-02-01T10:00:00Z'),
      ('w-csv', 'b0002', 'r1', 'csv', '{MSFT}', '[]', 'k2', 's2', 1, 1, 0, 0, 1, 0, 0, '2020-02-01T10:00:01Z'),
      ('w-yahoo', 'b0001', 'r9', 'yahoo', '{AAPL}', '[]', 'k3', 's3', 1, 1, 0, 0, 0, 1, 0, '2020-02-02T08:30:00.123Z'),
      ('w-other', 'b0001', 'r5', 'csv', '{AAPL}', '[]', 'k4', 's4', 1, 1, 0, 0, 1, 0, 0, '2020-02-03T00:00:00Z')`);
  await db.query(`
    INSERT INTO corporate_actions (symbol, ex_date, kind, ratio, cash_amount, source, status, reason) VALUES
      ('AAPL', '2020-08-31', 'split', 4, NULL, 'yahoo', 'recorded', NULL),
      ('AAPL', '2020-02-07', 'dividend', NULL, 0.77, 'yahoo', 'recorded', NULL),
      ('AAPL', '2020-01-06', 'unexplained_move', 1.2, NULL, 'detector', 'suspected', 'suspected_corporate_action'),
      ('MSFT', '2020-02-19', 'dividend', NULL, 0.51, 'yahoo', 'recorded', NULL)`);
});
afterAll(() => database.drop());

/** The plain row-by-row read the columns text replaces: the reference it must equal. */
async function rowByRow(symbol: string, to?: string) {
  const db = database.pool;
  const { rows: bars } = await db.query(
    `SELECT symbol, date, open, high, low, close, adj_close AS "adjClose", volume, flags,
            source || '|' || workflow_id AS origin
       FROM price_bars WHERE symbol = $1 AND ($2::date IS NULL OR date <= $2::date) ORDER BY date`,
    [symbol, to ?? null],
  );
  const workflows = [...new Set(bars.map((b: { origin: string }) => b.origin.split('|')[1]))];
  const { rows: lineage } = await db.query(
    `SELECT workflow_id AS "workflowId", run_id AS "runId", batch_key AS "batchKey", source,
            to_char(loaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "loadedAt"
       FROM ingestion_batches WHERE workflow_id = ANY($1::text[]) AND $2 = ANY(symbols)
      ORDER BY loaded_at, workflow_id, batch_key`,
    [workflows, symbol],
  );
  const { rows: actions } = await db.query(
    `SELECT to_char(ex_date, 'YYYY-MM-DD') AS "exDate", kind, ratio, cash_amount AS "cashAmount"
       FROM corporate_actions WHERE status = 'recorded' AND symbol = $1 ORDER BY ex_date, kind`,
    [symbol],
  );
  return { bars, lineage, actions };
}

describe('readAnalysisBars: one JSON text from Postgres', () => {
  it.each([
    ['every bar', 'AAPL', undefined],
    ['bars up to a date', 'AAPL', '2020-01-06'],
    ['another symbol', 'MSFT', undefined],
    ['a symbol with no bars', 'NOPE', undefined],
    ['a date before the first bar', 'AAPL', '2019-12-31'],
  ])('equals the row-by-row read: %s', async (_what, symbol, to) => {
    expect(await readAnalysisBars(database.pool, symbol, to)).toEqual(await rowByRow(symbol, to));
  });

  it('keeps every double exactly, names each load once, and holds only the recorded actions', async () => {
    const text = await readAnalysisBarsText(database.pool, 'AAPL');
    expect(JSON.parse(text)).toMatchObject({ origins: ['csv|w-csv', 'yahoo|w-yahoo'], origin: [0, 0, 1, 0, 0] });
    const { bars, lineage, actions } = decodeAnalysisBars('AAPL', text);
    expect(bars[3]).toMatchObject({ open: 0.1, high: 0.30000000000000004, low: 1e-300, close: 1.7976931348623157e308 });
    expect(bars[1]).toMatchObject({ open: null, adjClose: null, flags: ['missing_open'] });
    expect(bars[2]).toMatchObject({ volume: null, flags: ['zero_volume', 'missing_open'], origin: 'yahoo|w-yahoo' });
    expect(lineage.map((b) => `${b.workflowId}/${b.batchKey}`)).toEqual(['w-csv/b0001', 'w-yahoo/b0001']);
    expect(lineage[1].loadedAt).toBe('2020-02-02T08:30:00.123Z');
    expect(actions).toEqual([
      { exDate: '2020-02-07', kind: 'dividend', ratio: null, cashAmount: 0.77 },
      { exDate: '2020-08-31', kind: 'split', ratio: 4, cashAmount: null },
    ]);
  });

  it('reads a non-finite double, which JSON can only carry as a string', () => {
    const text = JSON.stringify({
      origins: ['csv|w'],
      origin: [0],
      date: ['2020-01-02'],
      open: ['NaN'],
      high: ['Infinity'],
      low: ['-Infinity'],
      close: [1],
      adjClose: [null],
      volume: [1],
      flags: [[]],
      lineage: [],
      actions: [],
    });
    expect(decodeAnalysisBars('X', text).bars[0]).toMatchObject({ open: NaN, high: Infinity, low: -Infinity });
  });

  it('refuses a text that is not bar columns (a corrupt or older cache entry)', () => {
    expect(() => decodeAnalysisBars('AAPL', '{"bars":[]}')).toThrow('not the bar columns of AAPL');
    expect(() => decodeAnalysisBars('AAPL', 'garbage')).toThrow(SyntaxError);
  });
});
