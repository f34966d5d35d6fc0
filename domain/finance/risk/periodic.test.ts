import { aggregateReturns, bestAndWorst, isoWeek, monthlyReturnsTable } from '.';

describe('calendar aggregation', () => {
  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek('2000-01-30')).toEqual({ year: 2000, week: 4 });
    expect(isoWeek('2000-01-31')).toEqual({ year: 2000, week: 5 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
    expect(isoWeek('2024-12-30')).toEqual({ year: 2025, week: 1 });
  });

  it('labels quarters and compounds inside each bucket', () => {
    const dates = ['2020-03-31', '2020-04-01', '2020-06-30', '2020-07-01'];
    expect(aggregateReturns([0.1, 0.1, NaN, -0.5], dates, 'quarterly')).toEqual([
      { period: '2020-Q1', value: 0.10000000000000009 },
      { period: '2020-Q2', value: 0.10000000000000009 },
      { period: '2020-Q3', value: -0.5 },
    ]);
  });

  it('builds a year × month table with the compounded year total', () => {
    const dates = ['2019-12-30', '2020-01-02', '2020-01-03', '2020-03-02'];
    const table = monthlyReturnsTable([0.02, 0.1, 0.1, -0.1], dates);
    expect(table.map((row) => row.year)).toEqual([2019, 2020]);
    expect(table[0].months[11]).toBeCloseTo(0.02, 15);
    expect(table[0].total).toBeCloseTo(0.02, 15);
    expect(table[1].months[0]).toBeCloseTo(0.21, 15);
    expect(table[1].months[1]).toBeNull();
    expect(table[1].months[2]).toBeCloseTo(-0.1, 15);
    expect(table[1].total).toBeCloseTo(1.21 * 0.9 - 1, 15);
  });

  it('picks the best and worst period', () => {
    const periods = [
      { period: 'a', value: 0.1 },
      { period: 'b', value: -0.3 },
      { period: 'c', value: 0.2 },
    ];
    expect(bestAndWorst(periods)).toEqual({ best: periods[2], worst: periods[1] });
    expect(bestAndWorst([])).toEqual({ best: null, worst: null });
  });
});
