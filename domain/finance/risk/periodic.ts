/**
 * Returns compounded within calendar buckets: `prod(1 + r) - 1` per week, month, quarter or year. Missing returns
 * compound as 0. Buckets are keyed by the date of each return, so partial first and last buckets are kept as is.
 */

export type CalendarPeriod = 'weekly' | 'monthly' | 'quarterly' | 'yearly';

export interface PeriodReturn {
  /** `2000-W05`, `2000-02`, `2000-Q1` or `2000`. */
  period: string;
  value: number;
}

/** ISO 8601 week-numbering year and week of a `YYYY-MM-DD` date (weeks start on Monday; week 1 holds Jan 4th). */
export function isoWeek(date: string): { year: number; week: number } {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const weekday = day.getUTCDay() || 7;
  // The Thursday of the same week decides the year, by the ISO definition.
  const thursday = new Date(day.getTime() + (4 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return { year, week };
}

function bucketOf(date: string, period: CalendarPeriod): string {
  switch (period) {
    case 'weekly': {
      const { year, week } = isoWeek(date);
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'monthly':
      return date.slice(0, 7);
    case 'quarterly':
      return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    case 'yearly':
      return date.slice(0, 4);
  }
}

/** Compounded return of each calendar bucket, in date order. */
export function aggregateReturns(
  returns: readonly number[],
  dates: readonly string[],
  period: CalendarPeriod,
): PeriodReturn[] {
  if (returns.length !== dates.length) throw new RangeError('returns and dates differ in length');
  const growth = new Map<string, number>();
  if (returns.length === 0) return [];
  // Consecutive dates mostly share a bucket: the product of the current bucket stays in a local and goes to the
  // map when the bucket changes (the same multiplications in the same order as a map update per return).
  let key = bucketOf(dates[0], period);
  let product = 1;
  const byPrefix = period === 'monthly' || period === 'yearly';
  for (let i = 0; i < returns.length; i++) {
    const date = dates[i];
    if (!(byPrefix && date.startsWith(key))) {
      const next = bucketOf(date, period);
      if (next !== key) {
        growth.set(key, product);
        key = next;
        product = growth.get(key) ?? 1;
      }
    }
    const r = returns[i];
    product *= Number.isNaN(r) ? 1 : 1 + r;
  }
  growth.set(key, product);
  return [...growth].map(([bucket, g]) => ({ period: bucket, value: g - 1 }));
}

export interface MonthlyReturnsRow {
  year: number;
  /** January first; null for a month without returns. */
  months: Array<number | null>;
  /** The year's compounded return over the months present. */
  total: number;
}

/** Year × month table of compounded returns, the classic tear-sheet heat map. */
export function monthlyReturnsTable(returns: readonly number[], dates: readonly string[]): MonthlyReturnsRow[] {
  return monthlyReturnsTableOf(aggregateReturns(returns, dates, 'monthly'));
}

/** The same table from the monthly returns (`aggregateReturns(..., 'monthly')`), when they are at hand already. */
export function monthlyReturnsTableOf(monthly: readonly PeriodReturn[]): MonthlyReturnsRow[] {
  const rows = new Map<number, MonthlyReturnsRow>();
  for (const { period, value } of monthly) {
    const year = Number(period.slice(0, 4));
    const row = rows.get(year) ?? { year, months: new Array<number | null>(12).fill(null), total: 0 };
    row.months[Number(period.slice(5, 7)) - 1] = value;
    row.total = (1 + row.total) * (1 + value) - 1;
    rows.set(year, row);
  }
  return [...rows.values()];
}

export interface BestWorst {
  best: PeriodReturn | null;
  worst: PeriodReturn | null;
}

/** The highest and lowest of some period returns (first one wins a tie). */
export function bestAndWorst(periodReturns: readonly PeriodReturn[]): BestWorst {
  let best: PeriodReturn | null = null;
  let worst: PeriodReturn | null = null;
  for (const p of periodReturns) {
    if (Number.isNaN(p.value)) continue;
    if (best === null || p.value > best.value) best = p;
    if (worst === null || p.value < worst.value) worst = p;
  }
  return { best, worst };
}

/** `bestAndWorst` of one return per label, without building an object per return first. */
export function bestAndWorstOf(values: readonly number[], labels: readonly string[]): BestWorst {
  let best = -1;
  let worst = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (Number.isNaN(value)) continue;
    if (best < 0 || value > values[best]) best = i;
    if (worst < 0 || value < values[worst]) worst = i;
  }
  const at = (i: number): PeriodReturn | null => (i < 0 ? null : { period: labels[i], value: values[i] });
  return { best: at(best), worst: at(worst) };
}
