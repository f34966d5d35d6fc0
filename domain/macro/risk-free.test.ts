import { perPeriodRate, perPeriodRiskFree, RiskFreeCoverageError } from '.';

describe('perPeriodRate', () => {
  it('compounds an annual percent down to one period', () => {
    expect(perPeriodRate(5, 1)).toBeCloseTo(0.05, 15);
    expect(perPeriodRate(5, 252)).toBeCloseTo(1.05 ** (1 / 252) - 1, 15);
    // Twelve monthly periods give back the annual rate.
    expect((1 + perPeriodRate(4, 12)) ** 12).toBeCloseTo(1.04, 14);
    expect(perPeriodRate(0, 252)).toBe(0);
  });
});

describe('perPeriodRiskFree: the yield in force on each date', () => {
  const yields = [
    { date: '2020-01-03', value: 1.5 },
    { date: '2020-01-02', value: 1.54 },
    // A holiday: "." leaves the previous yield in force.
    { date: '2020-01-06', value: null },
    { date: '2020-01-07', value: 1.52 },
  ];

  it('takes the last observation on or before each date, skipping missing values', () => {
    const dates = ['2020-01-02', '2020-01-03', '2020-01-04', '2020-01-06', '2020-01-07', '2020-01-31'];
    expect(perPeriodRiskFree('DGS3MO', yields, dates, 252)).toEqual(
      [1.54, 1.5, 1.5, 1.5, 1.52, 1.52].map((y) => perPeriodRate(y, 252)),
    );
  });

  it('refuses a date before the first observation, naming the series and the date', () => {
    expect(() => perPeriodRiskFree('DGS3MO', yields, ['2020-01-01'], 252)).toThrow(RiskFreeCoverageError);
    expect(() => perPeriodRiskFree('DGS3MO', yields, ['2020-01-01'], 252)).toThrow(
      'DGS3MO has no observation on or before 2020-01-01',
    );
  });

  it('refuses dates out of order and a non-positive frequency', () => {
    expect(() => perPeriodRiskFree('DGS3MO', yields, ['2020-01-07', '2020-01-03'], 252)).toThrow('must ascend');
    expect(() => perPeriodRiskFree('DGS3MO', yields, ['2020-01-07'], 0)).toThrow('periodsPerYear');
  });
});
