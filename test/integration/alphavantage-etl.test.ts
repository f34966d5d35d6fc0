import { listSecurityActions } from '../../application/corporate-actions';
import { FAILURE_TYPES } from '../../contracts';
import { startAlphaVantageServer, type AlphaVantageBar, type AlphaVantageServer } from '../support/alphavantage-server';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { ingestPrices } from '../../workflows/ingest-prices';

const bar = (
  date: string,
  close: number,
  events: Pick<AlphaVantageBar, 'dividend' | 'split'> = {},
): AlphaVantageBar => ({
  date,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  adjClose: close,
  volume: 1_000_000,
  ...events,
});

// AAPL's 4-for-1 split of 2020-08-31: the close drops from about 500 to about 129, which the recorded split explains.
// Alpha Vantage has no range: it sends May's bar and dividend too, which the run's range leaves out.
const AAPL = [
  bar('2020-05-08', 310.13, { dividend: 0.82 }),
  bar('2020-08-07', 444.45, { dividend: 0.82 }),
  bar('2020-08-27', 500.04),
  bar('2020-08-28', 499.23),
  bar('2020-08-31', 129.04, { split: 4 }),
  bar('2020-09-01', 134.18),
];
const MSFT = [bar('2020-08-27', 226.58), bar('2020-08-28', 228.91), bar('2020-08-31', 225.53)];

let alphavantage: AlphaVantageServer;
let harness: EtlHarness;

beforeAll(async () => {
  // MSFT gets Alpha Vantage's per-minute throttling notice (HTTP 200) once: Temporal retries it.
  alphavantage = await startAlphaVantageServer({ AAPL, MSFT }, { MSFT: ['minute-limit'] });
  harness = await startEtlHarness({ alphavantageUrl: alphavantage.url });
});

afterAll(async () => {
  await harness?.stop();
  await alphavantage?.close();
});

describe('Alpha Vantage prices through Temporal against a local Alpha Vantage-format server', () => {
  it('loads two symbols within the range with exact counts and records the splits and dividends in it', async () => {
    const workflowId = `alphavantage-${Date.now()}`;
    const request = {
      source: 'alphavantage' as const,
      symbols: ['AAPL', 'MSFT', 'NOPE'],
      from: '2020-08-01',
      to: '2020-09-30',
    };
    const result = await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId,
      args: [request],
    });

    // One request per symbol and attempt: MSFT's throttling notice was retried once; NOPE's invalid call was not.
    expect(alphavantage.requests.map((r) => r.symbol).sort()).toEqual(['AAPL', 'MSFT', 'MSFT', 'NOPE']);
    expect(alphavantage.requests.every((r) => r.params.outputsize === 'full')).toBe(true);
    // May's bar came with AAPL's full history and is outside the range: read and filtered, not loaded.
    expect(result).toMatchObject({
      batches: 1,
      batchesFailed: 0,
      rowsRead: 9,
      rowsLoaded: 8,
      rowsRejected: 0,
      rowsFiltered: 1,
      rowsInserted: 8,
    });
    expect(result.fileFailures?.map((f) => [f.file, f.type])).toEqual([['NOPE', FAILURE_TYPES.unknownSymbol]]);

    const { rows: bars } = await harness.db.query<{ symbol: string; n: number; first: string }>(
      `SELECT symbol, count(*)::int AS n, to_char(min(date), 'YYYY-MM-DD') AS first FROM price_bars
        GROUP BY symbol ORDER BY symbol`,
    );
    expect(bars).toEqual([
      { symbol: 'AAPL', n: 5, first: '2020-08-07' },
      { symbol: 'MSFT', n: 3, first: '2020-08-27' },
    ]);
    const { rows: raw } = await harness.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ingestion_batches b, jsonb_array_elements(b.raw_objects) o
        WHERE b.workflow_id = $1 AND o->>'key' LIKE 'raw/alphavantage/prices/%.json'`,
      [workflowId],
    );
    expect(raw).toEqual([{ n: 2 }]);

    const recorded = `SELECT symbol, to_char(ex_date, 'YYYY-MM-DD') AS ex_date, kind, ratio, cash_amount, source,
                              status, detected_by_run
                         FROM corporate_actions WHERE status = 'recorded' ORDER BY symbol, ex_date, kind`;
    const expected = [
      ['2020-08-07', 'dividend', null, 0.82],
      ['2020-08-31', 'split', 4, null],
    ].map(([ex_date, kind, ratio, cash_amount]) => ({
      symbol: 'AAPL',
      ex_date,
      kind,
      ratio,
      cash_amount,
      source: 'alphavantage',
      status: 'recorded',
      detected_by_run: workflowId,
    }));
    expect((await harness.db.query(recorded)).rows).toEqual(expected);

    // The split explains the drop, so nothing is suspected there.
    const listed = await listSecurityActions(harness.db, 'AAPL');
    expect(listed?.map((a) => [a.exDate, a.kind, a.status, a.source])).toEqual([
      ['2020-08-07', 'dividend', 'recorded', 'alphavantage'],
      ['2020-08-31', 'split', 'recorded', 'alphavantage'],
    ]);

    // Again: the same bars and actions change nothing, and the actions keep the run that first recorded them.
    const again = await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId: `${workflowId}-again`,
      args: [request],
    });
    expect(again).toMatchObject({ rowsRead: 9, rowsLoaded: 8, rowsFiltered: 1, rowsInserted: 0, rowsUnchanged: 8 });
    expect((await harness.db.query(recorded)).rows).toEqual(expected);
  });
});
