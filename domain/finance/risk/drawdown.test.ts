import fc from 'fast-check';
import { datedReturns, drawdownSeries, maxDrawdown, maxDrawdownEpisode } from '.';

describe('drawdown', () => {
  it('finds the peak, trough and recovery of the deepest fall', () => {
    const prices = {
      dates: ['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08'],
      values: [100, 110, 88, 99, 121, 120],
    };
    const { dates, values } = datedReturns(prices);
    const episode = maxDrawdownEpisode(values, dates, prices.dates[0]);
    expect(episode.depth).toBeCloseTo(88 / 110 - 1, 12);
    expect(episode).toMatchObject({
      peakDate: '2020-01-02',
      troughDate: '2020-01-03',
      recoveryDate: '2020-01-07',
      durationPeriods: 3,
      durationDays: 5,
    });
  });

  it('counts a first-period loss from the starting wealth and reports an open drawdown', () => {
    const episode = maxDrawdownEpisode([-0.1, 0.05], ['2020-01-02', '2020-01-03'], '2020-01-01');
    expect(episode.depth).toBeCloseTo(-0.1, 12);
    expect(episode).toMatchObject({
      peakDate: '2020-01-01',
      troughDate: '2020-01-02',
      recoveryDate: null,
      durationPeriods: 2,
      durationDays: 2,
    });
  });

  it('reports no episode when the wealth never falls', () => {
    expect(maxDrawdownEpisode([0.01, 0, 0.02], ['a', 'b', 'c'], null)).toMatchObject({ depth: 0, peakDate: null });
  });

  it('is never positive and never below -100%', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.99, max: 2, noNaN: true }), { minLength: 1, maxLength: 300 }), (r) => {
        for (const d of drawdownSeries(r)) {
          expect(d).toBeLessThanOrEqual(0);
          expect(d).toBeGreaterThanOrEqual(-1);
        }
        expect(maxDrawdown(r)).toBeLessThanOrEqual(0);
        expect(maxDrawdownEpisode(r, r.map(String), null).depth).toBe(maxDrawdown(r));
      }),
    );
  });
});
