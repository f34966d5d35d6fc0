import { drawdownFromCloses, monthlyTableFromCloses, relativeFromCloses } from './derived';

describe('series derived from closes', () => {
  it('drawdown is 0 at each new high and the fall from the running high elsewhere', () => {
    const dd = drawdownFromCloses(['d1', 'd2', 'd3', 'd4', 'd5'], [100, 120, 90, 60, 130]);
    expect(dd.dates).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    [0, 0, -0.25, -0.5, 0].forEach((want, i) => expect(dd.values[i]).toBeCloseTo(want, 12));
    expect(drawdownFromCloses([], [])).toEqual({ dates: [], values: [] });
  });

  it('cumulative returns start at 0 on the first common date and skip dates only one side has', () => {
    const rel = relativeFromCloses(['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-06'], [100, 110, 121, 133.1], {
      symbol: 'B',
      dates: ['2020-01-02', '2020-01-03', '2020-01-06'],
      close: [50, 50, 55],
    });
    expect(rel.dates).toEqual(['2020-01-02', '2020-01-03', '2020-01-06']);
    [0, 0.1, 0.21].forEach((want, i) => expect(rel.symbol[i]).toBeCloseTo(want, 12));
    [0, 0, 0.1].forEach((want, i) => expect(rel.benchmark[i]).toBeCloseTo(want, 12));
    [0, 0.1, 0.1].forEach((want, i) => expect(rel.excess[i]).toBeCloseTo(want, 12));
  });

  it('without a benchmark, the symbol alone', () => {
    const rel = relativeFromCloses(['a', 'b'], [10, 15], null);
    expect(rel).toEqual({ dates: ['a', 'b'], symbol: [0, 0.5], benchmark: [], excess: [] });
  });

  it('monthly returns compound within each calendar month', () => {
    const table = monthlyTableFromCloses(
      ['2020-01-30', '2020-01-31', '2020-02-03', '2020-02-28', '2021-03-01'],
      [100, 110, 121, 60.5, 121],
    );
    expect(table.map((r) => r.year)).toEqual([2020, 2021]);
    expect(table[0].months[0]).toBeCloseTo(0.1, 12);
    expect(table[0].months[1]).toBeCloseTo(-0.45, 12);
    expect(table[0].months[2]).toBeNull();
    expect(table[1].months[2]).toBeCloseTo(1, 12);
    expect(table[0].total).toBeCloseTo(-0.395, 12);
  });
});
