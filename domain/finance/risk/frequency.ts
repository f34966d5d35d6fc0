import { dayNumber } from './day-number';

/** Typical spacing in calendar days of each supported frequency, and its periods per year. */
const FREQUENCIES: ReadonlyArray<{ days: number; periodsPerYear: number }> = [
  { days: 1.4, periodsPerYear: 252 }, // trading days: mostly 1, 3 over weekends; 1.4 = 7 days / 5 bars
  { days: 7, periodsPerYear: 52 },
  { days: 30.4, periodsPerYear: 12 },
  { days: 91.3, periodsPerYear: 4 },
  { days: 365.25, periodsPerYear: 1 },
];

/**
 * Periods per year from the median spacing of the dates, so a weekend or a holiday gap does not move a daily
 * series to another frequency. The nearest frequency on a log scale wins (spacings are ratios, not offsets).
 */
export function inferPeriodsPerYear(dates: readonly string[]): number {
  if (dates.length < 2) throw new RangeError('at least 2 dates are needed to infer the frequency');
  // Each date read once, and a typed array sorts numerically without a comparator: this runs for every symbol.
  const days = new Float64Array(dates.length);
  for (let i = 0; i < dates.length; i++) days[i] = dayNumber(dates[i]);
  const gaps = new Float64Array(days.length - 1);
  for (let i = 1; i < days.length; i++) gaps[i - 1] = days[i] - days[i - 1];
  gaps.sort();
  const middle = gaps.length >> 1;
  const median = gaps.length % 2 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2;
  if (!(median > 0)) throw new RangeError('dates must be ascending and distinct to infer the frequency');
  let best = FREQUENCIES[0];
  for (const f of FREQUENCIES) {
    if (Math.abs(Math.log(median / f.days)) < Math.abs(Math.log(median / best.days))) best = f;
  }
  return best.periodsPerYear;
}
