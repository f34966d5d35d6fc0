import fs from 'node:fs';
import fc from 'fast-check';
import { sharedData } from '../../../test/support/shared-data';
import { annualVolatility, computeRisk, InsufficientDataError } from '.';

function readCloses(file: string, dateColumn: string): { dates: string[]; prices: number[] } {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const columns = header.split(',');
  const dateAt = columns.indexOf(dateColumn);
  const closeAt = columns.findIndex((c) => c.toLowerCase() === 'close');
  const cells = rows.map((row) => row.split(','));
  return { dates: cells.map((c) => c[dateAt]), prices: cells.map((c) => Number(c[closeAt])) };
}

const dailyDates = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.UTC(2021, 0, 4 + i)).toISOString().slice(0, 10));

describe('computeRisk', () => {
  // Expected values computed independently with numpy 2.4 from the same two files.
  const aapl = readCloses(sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv'), 'date');
  const gspc = readCloses(sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv'), 'Date');

  it('reports AAPL against the S&P 500 as numpy does', () => {
    const risk = computeRisk(aapl, { benchmark: gspc });
    expect(risk.periodsPerYear).toBe(252);
    expect(risk.observations).toBe(1258);
    expect(risk.from).toBe('2013-02-08');
    expect(risk.to).toBe('2018-02-07');
    expect(risk.totalReturn).toBeCloseTo(1.3512177580754026, 10);
    expect(risk.cagr).toBeCloseTo(0.186797516331501, 10);
    expect(risk.annualVolatility).toBeCloseTo(0.2316568877514339, 10);
    expect(risk.sharpe).toBeCloseTo(0.8552371064235758, 10);
    expect(risk.maxDrawdown.depth).toBeCloseTo(-0.3207518796992481, 10);
    expect(risk.maxDrawdown).toMatchObject({
      peakDate: '2015-02-23',
      troughDate: '2016-05-12',
      recoveryDate: '2017-02-13',
    });
    expect(risk.benchmark?.beta).toBeCloseTo(0.9831193793491168, 10);
    expect(risk.benchmark?.alpha).toBeCloseTo(0.08203044893049483, 10);
    expect(risk.benchmark?.correlation).toBeCloseTo(0.5122076574835313, 10);
    expect(risk.rolling.window).toBe(126);
    expect(risk.rolling.beta).toHaveLength(1258);
    expect(risk.monthlyReturns.map((row) => row.year)).toEqual([2013, 2014, 2015, 2016, 2017, 2018]);
  });

  it('computes on the common dates only', () => {
    // Drop every third benchmark date: the result must equal a run on the pre-joined prices.
    const sparse = { dates: gspc.dates.filter((_, i) => i % 3), prices: gspc.prices.filter((_, i) => i % 3) };
    const keep = new Set(sparse.dates);
    const joined = {
      dates: aapl.dates.filter((d) => keep.has(d)),
      prices: aapl.prices.filter((_, i) => keep.has(aapl.dates[i])),
    };
    const risk = computeRisk(aapl, { benchmark: sparse });
    expect(risk.observations).toBe(joined.dates.length - 1);
    expect(risk.annualVolatility).toBe(computeRisk(joined).annualVolatility);
  });

  it('accepts returns as well as prices', () => {
    const fromPrices = computeRisk({ dates: ['2021-01-04', '2021-01-05', '2021-01-06'], prices: [100, 110, 99] });
    const fromReturns = computeRisk(
      { dates: ['2021-01-05', '2021-01-06'], returns: [0.1, -0.1] },
      { periodsPerYear: 252 },
    );
    expect(fromReturns.totalReturn).toBeCloseTo(fromPrices.totalReturn, 12);
    expect(fromReturns.sharpe).toBeCloseTo(fromPrices.sharpe, 12);
    expect(fromPrices.maxDrawdown.peakDate).toBe('2021-01-05');
  });

  it('gives a total return of 0 and no volatility for a constant price', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 1e6, noNaN: true }), fc.integer({ min: 3, max: 300 }), (price, n) => {
        const risk = computeRisk({ dates: dailyDates(n), prices: new Array<number>(n).fill(price) });
        expect(risk.totalReturn).toBe(0);
        expect(risk.annualVolatility).toBe(0);
        expect(risk.maxDrawdown.depth).toBe(0);
      }),
    );
  });

  it('never reports a negative volatility', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.5, max: 0.5, noNaN: true }), { minLength: 2, maxLength: 300 }), (r) => {
        expect(annualVolatility(r, 252)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('refuses fewer than two returns, saying how many there were', () => {
    expect(() => computeRisk({ dates: ['2021-01-04', '2021-01-05'], prices: [1, 2] })).toThrow(InsufficientDataError);
    expect(() => computeRisk({ dates: ['2021-01-04', '2021-01-05'], prices: [1, 2] })).toThrow('1 returns');
  });
});
