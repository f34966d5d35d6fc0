import { datedReturns, sharpeRatio, sortinoRatio } from '../../domain/finance/risk';
import { perPeriodRiskFree, type YieldObservation } from '../../domain/macro';
import { buildAnalysisDocument } from './build-document';
import { RISK_FREE_CONVERSION, type RiskFreeSource } from './risk-free-rates';
import { dailyBars } from './test-support';

const bars = dailyBars('2020-01-02', 60);
const dates = bars.map((b) => b.date);
// A 3-month bill yield published every business day but two holidays ("."), drifting down from 1.55 %.
const yields: YieldObservation[] = [
  { date: '2019-12-31', value: 1.55 },
  ...dates.map((date, i) => ({ date, value: i === 0 || i === 10 ? null : 1.55 - i * 0.01 })),
];

function source(asked: string[]): RiskFreeSource {
  return {
    seriesId: 'DGS3MO',
    source: 'fred',
    yieldsAsOf: (asOf) => {
      asked.push(asOf);
      return Promise.resolve(yields.filter((y) => y.date <= asOf));
    },
  };
}

describe('buildAnalysisDocument with a risk-free series', () => {
  it("computes Sharpe and Sortino with each bar's rate, read as known on the as-of date, and says so", async () => {
    const asked: string[] = [];
    const asOf = dates[49];
    const { document } = await buildAnalysisDocument(
      { series: { symbol: 'T', bars }, asOf },
      { riskFree: source(asked) },
    );
    expect(asked).toEqual([asOf]);

    const used = dates.slice(0, 50);
    const returns = datedReturns({ dates: used, values: bars.slice(0, 50).map((b) => b.close) });
    const rates = perPeriodRiskFree('DGS3MO', yields, used, 252).slice(1);
    expect(document.risk.sharpe).toBeCloseTo(sharpeRatio(returns.values, rates, 252), 12);
    expect(document.risk.sortino).toBeCloseTo(sortinoRatio(returns.values, rates, 252), 12);
    expect(document.riskFree).toEqual({
      series: 'DGS3MO',
      source: 'fred',
      asOf,
      // The first bar is a holiday: the 2019-12-31 yield is in force; the holidays' "." set no rate.
      from: '2019-12-31',
      to: asOf,
      observations: 49,
      conversion: RISK_FREE_CONVERSION,
    });

    const without = await buildAnalysisDocument({ series: { symbol: 'T', bars }, asOf });
    expect(without.document.riskFree).toBeUndefined();
    expect(document.risk.sharpe).toBeLessThan(without.document.risk.sharpe as number);
  });

  it('fails the symbol, naming the series, when no yield was known by its first bar', async () => {
    const late: RiskFreeSource = { ...source([]), yieldsAsOf: () => Promise.resolve(yields.slice(5)) };
    await expect(buildAnalysisDocument({ series: { symbol: 'T', bars } }, { riskFree: late })).rejects.toThrow(
      `DGS3MO has no observation on or before ${dates[0]}`,
    );
  });
});
