import { listSecurityActions } from '../../application/corporate-actions';
import { FAILURE_TYPES } from '../../contracts';
import { startEtlHarness, type EtlHarness } from '../support/etl-harness';
import { TEST_API_KEY } from '../support/provider-settings';
import { startTiingoServer, type TiingoBar, type TiingoServer } from '../support/tiingo-server';
import { ingestPrices } from '../../workflows/ingest-prices';

const bar = (
  date: string,
  close: number | null,
  events: Pick<TiingoBar, 'divCash' | 'splitFactor'> = {},
): TiingoBar => ({
  date,
  open: close ?? 100,
  high: (close ?? 100) + 1,
  low: (close ?? 100) - 1,
  close,
  adjClose: close,
  volume: 1_000_000,
  ...events,
});

// AAPL's 4-for-1 split of 2020-08-31: the close drops from about 500 to about 129, which the recorded split explains.
const AAPL = [
  bar('2020-05-08', 310.13, { divCash: 0.82 }),
  bar('2020-08-07', 444.45, { divCash: 0.82 }),
  bar('2020-08-27', 500.04),
  bar('2020-08-28', 499.23),
  bar('2020-08-31', 129.04, { splitFactor: 4 }),
  bar('2020-09-01', 134.18),
  // A bar without a close: a rejected row, counted.
  bar('2020-09-02', null),
];
const MSFT = [bar('2020-08-27', 226.58), bar('2020-08-28', 228.91), bar('2020-08-31', 225.53)];

let tiingo: TiingoServer;
let harness: EtlHarness;

beforeAll(async () => {
  // MSFT is rate limited once: Temporal retries it after Retry-After.
  tiingo = await startTiingoServer({ AAPL, MSFT }, { MSFT: [{ status: 429, retryAfter: '1' }] });
  harness = await startEtlHarness({ tiingoUrl: tiingo.url });
});

afterAll(async () => {
  await harness?.stop();
  await tiingo?.close();
});

describe('Tiingo prices through Temporal against a local Tiingo-format server', () => {
  it('loads two symbols with exact counts and records the splits and dividends Tiingo reports', async () => {
    const workflowId = `tiingo-${Date.now()}`;
    const request = {
      source: 'tiingo' as const,
      symbols: ['AAPL', 'MSFT', 'NOPE'],
      from: '2020-08-01',
      to: '2020-09-30',
    };
    const result = await harness.client.workflow.execute(ingestPrices, {
      taskQueue: 'etl',
      workflowId,
      args: [request],
    });

    // One request per ticker and attempt, each with the key: MSFT's 429 was retried once; NOPE's 404 was not.
    expect(tiingo.requests.map((r) => r.ticker).sort()).toEqual(['AAPL', 'MSFT', 'MSFT', 'NOPE']);
    expect(new Set(tiingo.requests.map((r) => r.authorization))).toEqual(new Set([`Token ${TEST_API_KEY}`]));
    expect(tiingo.requests.find((r) => r.ticker === 'AAPL')?.params).toEqual({
      startDate: '2020-08-01',
      endDate: '2020-09-30',
    });
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
        WHERE b.workflow_id = $1 AND o->>'key' LIKE 'raw/tiingo/prices/%.json'`,
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
      source: 'tiingo',
      status: 'recorded',
      detected_by_run: workflowId,
    }));
    expect((await harness.db.query(recorded)).rows).toEqual(expected);

    // The split explains the drop, so nothing is suspected there.
    const listed = await listSecurityActions(harness.db, 'AAPL');
    expect(listed?.map((a) => [a.exDate, a.kind, a.status, a.source])).toEqual([
      ['2020-08-07', 'dividend', 'recorded', 'tiingo'],
      ['2020-08-31', 'split', 'recorded', 'tiingo'],
    ]);
  });
});
