import { listSecurityActions } from '../../application/corporate-actions';
import { FAILURE_TYPES } from '../../contracts';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { recordHistory } from '../support/record-history';
import { startYahooServer, type YahooBar, type YahooServer } from '../support/yahoo-server';
import { ingestPrices } from '../../workflows/ingest-prices';

const bar = (date: string, close: number | null, volume = 1_000_000): YahooBar => ({
  date,
  open: close,
  high: close === null ? null : close + 1,
  low: close === null ? null : close - 1,
  close,
  adjClose: close,
  volume,
});

// AAPL's 4-for-1 split of 2020-08-31: the close drops from about 500 to about 125, which the recorded split explains.
const AAPL = {
  bars: [
    bar('2020-08-26', 506.09),
    bar('2020-08-27', 500.04),
    bar('2020-08-28', 499.23),
    bar('2020-08-31', 129.04),
    bar('2020-09-01', 134.18),
    // Yahoo's arrays hold a null for a session it has no close for: a rejected row, counted.
    bar('2020-09-02', null),
  ],
  splits: [{ date: '2020-08-31', numerator: 4, denominator: 1 }],
  dividends: [
    { date: '2020-05-08', amount: 0.82 },
    { date: '2020-08-07', amount: 0.82 },
  ],
};
const MSFT = { bars: [bar('2020-08-27', 226.58), bar('2020-08-28', 228.91), bar('2020-08-31', 225.53)] };

let yahoo: YahooServer;
let harness: EtlHarness;

beforeAll(async () => {
  // MSFT is rate limited once: Temporal retries it after Retry-After.
  yahoo = await startYahooServer({ AAPL, MSFT }, { MSFT: [{ status: 429, retryAfter: '1' }] });
  harness = await startEtlHarness({ yahooUrl: yahoo.url });
});

afterAll(async () => {
  await harness?.stop();
  await yahoo?.close();
});

describe('Yahoo prices through Temporal against a local Yahoo-format server', () => {
  it('loads two symbols with exact counts and records the splits and dividends Yahoo reports', async () => {
    const workflowId = `yahoo-${Date.now()}`;
    const request = {
      source: 'yahoo' as const,
      symbols: ['AAPL', 'MSFT', 'NOPE'],
      from: '2020-01-01',
      to: '2020-09-30',
    };
    const result = await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId,
      args: [request],
    });

    // Through the provider registry (`provider-registry` patch): its histories replay in test/replay.
    recordHistory(`${workflowId}/b0001`, 'ingest-price-batch-yahoo-registry-retried-with-unknown-symbol');

    // One request per symbol and attempt: MSFT's 429 was retried once; NOPE's 404 was not.
    expect(yahoo.requests.map((r) => r.symbol).sort()).toEqual(['AAPL', 'MSFT', 'MSFT', 'NOPE']);
    expect(result).toMatchObject({
      batches: 1,
      batchesFailed: 0,
      rowsRead: 9,
      rowsLoaded: 8,
      rowsRejected: 1,
      rejectedByReason: { missing_close: 1 },
      rowsFiltered: 0,
      rowsInserted: 8,
    });
    expect(result.fileFailures?.map((f) => [f.file, f.type])).toEqual([['NOPE', FAILURE_TYPES.unknownSymbol]]);

    const { rows: bars } = await harness.db.query<{ symbol: string; n: number }>(
      'SELECT symbol, count(*)::int AS n FROM price_bars GROUP BY symbol ORDER BY symbol',
    );
    expect(bars).toEqual([
      { symbol: 'AAPL', n: 5 },
      { symbol: 'MSFT', n: 3 },
    ]);
    const { rows: raw } = await harness.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ingestion_batches b, jsonb_array_elements(b.raw_objects) o
        WHERE b.workflow_id = $1 AND o->>'key' LIKE 'raw/yahoo/prices/%.json'`,
      [workflowId],
    );
    expect(raw).toEqual([{ n: 2 }]);

    const recorded = `SELECT symbol, to_char(ex_date, 'YYYY-MM-DD') AS ex_date, kind, ratio, cash_amount, source,
                              status, detected_by_run
                         FROM corporate_actions WHERE status = 'recorded' ORDER BY symbol, ex_date, kind`;
    const expected = [
      ['2020-05-08', 'dividend', null, 0.82],
      ['2020-08-07', 'dividend', null, 0.82],
      ['2020-08-31', 'split', 4, null],
    ].map(([ex_date, kind, ratio, cash_amount]) => ({
      symbol: 'AAPL',
      ex_date,
      kind,
      ratio,
      cash_amount,
      source: 'yahoo',
      status: 'recorded',
      detected_by_run: workflowId,
    }));
    expect((await harness.db.query(recorded)).rows).toEqual(expected);

    // The route's use case lists them; the split explains the drop, so nothing is suspected there.
    const listed = await listSecurityActions(harness.db, 'AAPL');
    expect(listed?.map((a) => [a.exDate, a.kind, a.status, a.source])).toEqual([
      ['2020-05-08', 'dividend', 'recorded', 'yahoo'],
      ['2020-08-07', 'dividend', 'recorded', 'yahoo'],
      ['2020-08-31', 'split', 'recorded', 'yahoo'],
    ]);

    // Again: the same bars and actions change nothing, and the actions keep the run that first recorded them.
    const again = await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId: `${workflowId}-again`,
      args: [request],
    });
    expect(again).toMatchObject({ rowsRead: 9, rowsLoaded: 8, rowsInserted: 0, rowsUnchanged: 8 });
    expect((await harness.db.query(recorded)).rows).toEqual(expected);
  });
});
