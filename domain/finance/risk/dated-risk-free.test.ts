import { computeRisk, datedReturns, omegaRatio, sharpeRatio, sortinoRatio } from '.';

// 30 business-day closes and a risk-free rate that changes twice, as a yield series would.
const dates = Array.from({ length: 30 }, (_, i) => new Date(Date.UTC(2020, 0, 2 + i)).toISOString().slice(0, 10));
const prices = dates.map((_, i) => 100 * (1 + 0.01 * Math.sin(i * 1.3)) * (1 + 0.002 * i));
const rateOf = (date: string) => (date < '2020-01-10' ? 0.0002 : date < '2020-01-20' ? 0.0001 : 0.00015);

describe('computeRisk with a risk-free rate for each date', () => {
  const returns = datedReturns({ dates, values: prices });
  const rates = [...returns.dates].map(rateOf);
  const dated = { dates, rates: dates.map(rateOf) };

  it('gives the Sharpe, Sortino and Omega of the library functions called with the rates of the return dates', () => {
    const report = computeRisk({ dates, prices }, { periodsPerYear: 252, riskFree: dated });
    expect(report.sharpe).toBeCloseTo(sharpeRatio(returns.values, rates, 252), 12);
    expect(report.sortino).toBeCloseTo(sortinoRatio(returns.values, rates, 252), 12);
    expect(report.omega).toBeCloseTo(omegaRatio(returns.values, rates, 0, 252), 12);
    // A rate that changes is not the mean rate: the Sharpe differs from the one at a constant average rate.
    const constant = computeRisk({ dates, prices }, { periodsPerYear: 252, riskFree: 0.00015 });
    expect(report.sharpe).not.toBeCloseTo(constant.sharpe, 6);
  });

  it('equals the scalar computation when every date has the same rate', () => {
    const scalar = computeRisk({ dates, prices }, { periodsPerYear: 252, riskFree: 0.0001 });
    const same = computeRisk(
      { dates, prices },
      { periodsPerYear: 252, riskFree: { dates, rates: dates.map(() => 0.0001) } },
    );
    expect(same.sharpe).toBeCloseTo(scalar.sharpe, 12);
    expect(same.sortino).toBeCloseTo(scalar.sortino, 12);
    expect(same.rolling.sharpe.map((x) => (Number.isNaN(x) ? null : Number(x.toFixed(10))))).toEqual(
      scalar.rolling.sharpe.map((x) => (Number.isNaN(x) ? null : Number(x.toFixed(10)))),
    );
  });

  it('refuses rates that leave a return date uncovered, naming the date', () => {
    const partial = { dates: dates.slice(0, 10), rates: dates.slice(0, 10).map(rateOf) };
    expect(() => computeRisk({ dates, prices }, { periodsPerYear: 252, riskFree: partial })).toThrow(
      `the risk-free rates have no rate for ${dates[10]}`,
    );
  });
});
