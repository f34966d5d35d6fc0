import { DEFAULT_INDICATORS } from '../../domain/finance/indicators';
import { InsufficientDataError } from '../../domain/finance/risk';
import { analyzeBars } from './analyze-bars';
import { toAnalyzeJson } from './analyze-json';
import { buildAnalysisDocument } from './build-document';
import { latestValuesView, pickAnalyzeJson } from './document-view';
import type { FundamentalsSource } from './fundamentals-source';
import { dailyBars, monthlyBars } from './test-support';

const lineage = [
  { workflowId: 'prices-1', runId: 'r1', batchKey: 'b0001', source: 'csv', loadedAt: '2026-01-01T00:00:00.000Z' },
];

describe('buildAnalysisDocument', () => {
  const bars = dailyBars('2017-01-02', 400, 'csv|prices-1');
  const benchmark = dailyBars('2016-06-01', 600, 'bench').map((b) => ({ ...b, symbol: '^GSPC', close: b.close * 20 }));

  it('holds exactly the library output for the same bars, plus the service fields', async () => {
    const { document } = await buildAnalysisDocument({
      series: { symbol: 'T', bars, lineage },
      benchmark: { symbol: '^GSPC', bars: benchmark },
    });
    const library = toAnalyzeJson(
      analyzeBars('T', bars, { indicators: DEFAULT_INDICATORS, periodsPerYear: 252, benchmark }),
    );
    expect(pickAnalyzeJson(document)).toEqual(library);
    expect(document.risk.beta).toEqual(expect.any(Number));
    expect(document).toMatchObject({
      asOf: bars[399].date,
      frequency: 'daily',
      riskPriceField: 'close',
      benchmark: { symbol: '^GSPC', bars: 600, from: benchmark[0].date, to: benchmark[599].date },
      fundamentals: null,
      fundamentalsReason: 'no fundamentals loaded',
      charts: {},
      reportUrl: null,
      inputs: { bars: 400, flags: {}, excluded: [], lineage, benchmarkLineage: [] },
    });
  });

  it('uses only bars on or before asOf, for the symbol and the benchmark, and prices fundamentals at that close', async () => {
    const asOf = bars[299].date;
    const calls: unknown[][] = [];
    const fundamentals: FundamentalsSource = {
      reportAsOf: (...args) => {
        calls.push(args);
        return Promise.resolve({ report: null, reason: 'no 10-K filed on or before the date' });
      },
    };
    const { document } = await buildAnalysisDocument(
      { series: { symbol: 'T', bars }, benchmark: { symbol: '^GSPC', bars: benchmark }, asOf },
      { fundamentals },
    );
    expect(document).toMatchObject({ asOf, bars: 300, to: asOf, benchmark: { to: asOf } });
    expect(calls).toEqual([['T', asOf, bars[299].close]]);
    expect(document.fundamentalsReason).toBe('no 10-K filed on or before the date');
    const library = toAnalyzeJson(
      analyzeBars('T', bars.slice(0, 300), {
        indicators: DEFAULT_INDICATORS,
        periodsPerYear: 252,
        benchmark: benchmark.filter((b) => b.date <= asOf),
      }),
    );
    expect(pickAnalyzeJson(document)).toEqual(library);
  });

  it('analyses a symbol with monthly and daily loads on daily bars only, and counts flags of the bars used', async () => {
    const daily = bars.map((b, i) => (i % 100 === 0 ? { ...b, flags: ['zero_volume' as const], volume: 0 } : b));
    const monthlyLoad = { ...lineage[0], workflowId: 'monthly', batchKey: 'b0002' };
    const { document } = await buildAnalysisDocument({
      series: {
        symbol: 'T',
        bars: [...monthlyBars(2000, 1, 123, 'csv|monthly'), ...daily],
        lineage: [...lineage, monthlyLoad],
      },
    });
    // The monthly load's batch is not lineage of this analysis: none of its bars were used.
    expect(document.inputs.lineage).toEqual(lineage);
    expect(document).toMatchObject({ frequency: 'daily', periodsPerYear: 252, bars: 400, from: bars[0].date });
    expect(document.inputs.flags).toEqual({ zero_volume: 4 });
    expect(document.inputs.excluded).toEqual([
      { origin: 'csv|monthly', frequency: 'monthly', bars: 123, from: '2000-01-01', to: '2010-03-01' },
    ]);
  });

  it('refuses a window with too few bars, naming the symbol', async () => {
    await expect(buildAnalysisDocument({ series: { symbol: 'SHORT', bars }, from: bars[398].date })).rejects.toThrow(
      new InsufficientDataError('too few bars for SHORT: 2, need at least 3'),
    );
  });

  it('serves the latest defined value of each indicator by default', async () => {
    const { document } = await buildAnalysisDocument({
      series: { symbol: 'T', bars },
      indicators: ['sma_5', 'macd_12_26_9'],
    });
    const view = latestValuesView(document);
    const sma = document.indicators.sma_5 as (number | null)[];
    expect(view.indicators.sma_5).toBe(sma[399]);
    const macd = document.indicators.macd_12_26_9 as Record<string, (number | null)[]>;
    expect(view.indicators.macd_12_26_9).toEqual(
      Object.fromEntries(Object.entries(macd).map(([part, values]) => [part, values[399]])),
    );
    expect(Object.keys(view)).toEqual(Object.keys(document));
  });
});
