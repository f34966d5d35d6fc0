import type { RiskFreeUsed } from '../../contracts/analysis';
import type { DatedRates } from '../../domain/finance/risk';
import { perPeriodRiskFree, type YieldObservation } from '../../domain/macro';

/** A macro series of yields in annualised percent, read as it was known on a date. */
export interface RiskFreeSource {
  seriesId: string;
  source: string;
  yieldsAsOf(asOf: string): Promise<YieldObservation[]>;
}

export const RISK_FREE_CONVERSION =
  "each bar's rate is the last yield observed on or before it, (1 + yield / 100) ** (1 / periodsPerYear) - 1";

/** The per-period rates of `dates` (ascending) and the description the document carries. */
export async function riskFreeRates(
  source: RiskFreeSource,
  asOf: string,
  dates: readonly string[],
  periodsPerYear: number,
): Promise<{ rates: DatedRates; used: RiskFreeUsed }> {
  const yields = await source.yieldsAsOf(asOf);
  const rates = perPeriodRiskFree(source.seriesId, yields, dates, periodsPerYear);
  // The yields that set a rate: the one in force on the first date, through the last observed by the last date.
  const first = dates[0];
  const last = dates[dates.length - 1];
  const known = yields
    .filter((y) => y.value !== null && y.date <= last)
    .map((y) => y.date)
    .sort();
  const start = known.filter((date) => date <= first).at(-1) ?? first;
  const used = known.filter((date) => date >= start);
  return {
    rates: { dates, rates },
    used: {
      series: source.seriesId,
      source: source.source,
      asOf,
      from: start,
      to: used.at(-1) ?? start,
      observations: used.length,
      conversion: RISK_FREE_CONVERSION,
    },
  };
}
