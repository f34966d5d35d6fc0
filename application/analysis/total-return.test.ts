import type { RecordedAction } from '../../domain/corporate-actions';
import { buildAnalysisDocument } from './build-document';
import { dailyBars } from './test-support';

const dividend = (exDate: string, cashAmount: number): RecordedAction => ({
  exDate,
  kind: 'dividend',
  ratio: null,
  cashAmount,
});
const split = (exDate: string, ratio: number): RecordedAction => ({ exDate, kind: 'split', ratio, cashAmount: null });

/** The risk numbers without the field naming the series, to compare two documents' metrics. */
const metrics = (risk: Record<string, unknown>) => ({ ...risk, price_field: undefined });

describe('buildAnalysisDocument with recorded corporate actions', () => {
  const bars = dailyBars('2017-01-02', 400);
  const exDate = bars[200].date;

  it('measures risk on the total-return series when a dividend is recorded inside the bars, and says so', async () => {
    const { document } = await buildAnalysisDocument({
      series: { symbol: 'T', bars, actions: [dividend(exDate, 2)] },
    });
    expect(document.riskPriceField).toBe('total_return');
    expect(document.risk.price_field).toBe('total_return');

    // The same bars with the total-return close worked out by hand as the provider's adjusted close.
    const factor = 1 - 2 / bars[199].close;
    const byHand = bars.map((b, i) => ({ ...b, adjClose: i < 200 ? b.close * factor : b.close }));
    const reference = await buildAnalysisDocument({ series: { symbol: 'T', bars: byHand } });
    expect(reference.document.riskPriceField).toBe('adj_close');
    expect(metrics(document.risk)).toEqual(metrics(reference.document.risk));

    // The dividend counts in the return: more than the closes alone earned.
    const closesOnly = await buildAnalysisDocument({ series: { symbol: 'T', bars } });
    expect(closesOnly.document.riskPriceField).toBe('close');
    expect(document.risk.total_return).toBeGreaterThan(closesOnly.document.risk.total_return as number);
    // Indicators and the trend stay on the closes as stored.
    expect(document.indicators).toEqual(closesOnly.document.indicators);
  });

  it('prefers the recorded dividends to the adjusted close, which it uses when none falls inside the bars', async () => {
    const withAdjClose = bars.map((b) => ({ ...b, adjClose: b.close * 0.9 }));
    const recorded = await buildAnalysisDocument({
      series: { symbol: 'T', bars: withAdjClose, actions: [dividend(exDate, 2)] },
    });
    expect(recorded.document.riskPriceField).toBe('total_return');
    // asOf before the ex-date leaves the dividend outside the analysed bars.
    const before = await buildAnalysisDocument({
      series: { symbol: 'T', bars: withAdjClose, actions: [dividend(exDate, 2)] },
      asOf: bars[150].date,
    });
    expect(before.document.riskPriceField).toBe('adj_close');
    const noAdjClose = await buildAnalysisDocument({
      series: { symbol: 'T', bars, actions: [dividend(exDate, 2)] },
      asOf: bars[150].date,
    });
    expect(noAdjClose.document.riskPriceField).toBe('close');
  });

  it('with a recorded split and no dividend, measures the split-adjusted closes: the split is no fall', async () => {
    const splitRaw = bars.map((b, i) => (i >= 200 ? { ...b, close: b.close / 2 } : b));
    const { document } = await buildAnalysisDocument({
      series: { symbol: 'T', bars: splitRaw, actions: [split(exDate, 2)] },
    });
    expect(document.riskPriceField).toBe('split_adjusted');
    const unsplit = await buildAnalysisDocument({ series: { symbol: 'T', bars } });
    expect(document.risk.total_return).toBeCloseTo(unsplit.document.risk.total_return as number, 10);
    expect(document.risk.max_drawdown).toBeCloseTo(unsplit.document.risk.max_drawdown as number, 10);
    expect(document.risk.annual_volatility).toBeCloseTo(unsplit.document.risk.annual_volatility as number, 10);
    const ignored = await buildAnalysisDocument({ series: { symbol: 'T', bars: splitRaw } });
    expect(ignored.document.risk.max_drawdown).toBeLessThan(-0.45);
  });
});
