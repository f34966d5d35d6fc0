import { inferPeriodsPerYear } from '.';

const spaced = (count: number, days: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.UTC(2020, 0, 6 + i * days)).toISOString().slice(0, 10));

/** Business days: Monday to Friday, so gaps of 1 and 3 days. */
const businessDays = (count: number): string[] =>
  spaced(Math.ceil((count * 7) / 5) + 7, 1)
    .filter((d) => ![0, 6].includes(new Date(d).getUTCDay()))
    .slice(0, count);

describe('inferPeriodsPerYear', () => {
  it('recognises daily, weekly, monthly, quarterly and yearly spacing', () => {
    expect(inferPeriodsPerYear(businessDays(30))).toBe(252);
    expect(inferPeriodsPerYear(spaced(30, 7))).toBe(52);
    expect(inferPeriodsPerYear(['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30', '2020-05-31'])).toBe(12);
    expect(inferPeriodsPerYear(['2020-03-31', '2020-06-30', '2020-09-30', '2020-12-31'])).toBe(4);
    expect(inferPeriodsPerYear(['2018-12-31', '2019-12-31', '2020-12-31'])).toBe(1);
  });

  it('rejects too few or unordered dates', () => {
    expect(() => inferPeriodsPerYear(['2020-01-01'])).toThrow('at least 2 dates');
    expect(() => inferPeriodsPerYear(['2020-01-02', '2020-01-01'])).toThrow('ascending');
  });
});
