/**
 * A yield series quoted in annualised percent (FRED's DGS3MO, TB3MS …) as per-period risk-free rates for the
 * dates of a price series: each date takes the last yield observed on or before it (a yield holds until the next
 * one is published; holidays and "." leave the previous one in force), compounded down to one period:
 * `(1 + yield / 100) ** (1 / periodsPerYear) - 1`.
 */

export interface YieldObservation {
  date: string;
  /** Annualised percent (4.5 for 4.5 %); null for FRED's ".". */
  value: number | null;
}

/** No yield was observed on or before a date that needs one; the message names the series and the date. */
export class RiskFreeCoverageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RiskFreeCoverageError';
  }
}

export function perPeriodRate(annualPercent: number, periodsPerYear: number): number {
  return (1 + annualPercent / 100) ** (1 / periodsPerYear) - 1;
}

/** One rate per date of `dates` (ascending ISO dates), from `yields` (any order). */
export function perPeriodRiskFree(
  seriesId: string,
  yields: readonly YieldObservation[],
  dates: readonly string[],
  periodsPerYear: number,
): number[] {
  if (!(periodsPerYear > 0)) throw new RangeError(`periodsPerYear must be positive, got ${periodsPerYear}`);
  const known = yields
    .filter((y): y is { date: string; value: number } => y.value !== null && Number.isFinite(y.value))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const rates: number[] = [];
  let next = 0;
  let inForce: number | null = null;
  let previous = '';
  for (const date of dates) {
    if (date < previous) throw new RangeError(`dates must ascend: ${date} follows ${previous}`);
    previous = date;
    while (next < known.length && known[next].date <= date) inForce = known[next++].value;
    if (inForce === null) {
      throw new RiskFreeCoverageError(`${seriesId} has no observation on or before ${date}`);
    }
    rates.push(perPeriodRate(inForce, periodsPerYear));
  }
  return rates;
}
