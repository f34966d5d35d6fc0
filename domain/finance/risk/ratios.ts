/**
 * Annualised risk and risk-adjusted return, with empyrical's conventions: sample standard deviation (ddof = 1),
 * missing returns skipped, `riskFree` and `requiredReturn` per period (a scalar or a series as long as the returns).
 */
import { annualReturn } from './cumulative';
import { maxDrawdown } from './drawdown';
import { nanMean, nanStd, subtract } from './stats';

export type PerPeriodRate = number | readonly number[];

export function annualVolatility(returns: readonly number[], periodsPerYear: number): number {
  if (returns.length < 2) return NaN;
  return nanStd(returns, 1) * Math.sqrt(periodsPerYear);
}

/** Mean excess return over its standard deviation, annualised by sqrt(periods); +Infinity when it never varies. */
export function sharpeRatio(returns: readonly number[], riskFree: PerPeriodRate, periodsPerYear: number): number {
  if (returns.length < 2) return NaN;
  const excess = subtract(returns, riskFree);
  return (nanMean(excess) / nanStd(excess, 1)) * Math.sqrt(periodsPerYear);
}

/**
 * Root mean square of the shortfalls below `requiredReturn`, averaged over ALL observations (a period above the
 * target counts as a shortfall of 0), annualised by sqrt(periods). No ddof: it is a second moment about the target.
 */
export function downsideRisk(
  returns: readonly number[],
  requiredReturn: PerPeriodRate,
  periodsPerYear: number,
): number {
  if (returns.length < 1) return NaN;
  const shortfalls = subtract(returns, requiredReturn).map((x) => (Number.isNaN(x) ? NaN : Math.min(x, 0) ** 2));
  return Math.sqrt(nanMean(shortfalls)) * Math.sqrt(periodsPerYear);
}

/**
 * Annualised mean excess return over annualised downside risk. As in empyrical the mean is annualised by the
 * number of periods and the downside by its square root.
 */
export function sortinoRatio(
  returns: readonly number[],
  requiredReturn: PerPeriodRate,
  periodsPerYear: number,
): number {
  if (returns.length < 2) return NaN;
  const averageAnnualExcess = nanMean(subtract(returns, requiredReturn)) * periodsPerYear;
  return averageAnnualExcess / downsideRisk(returns, requiredReturn, periodsPerYear);
}

/** Annual return over the depth of the maximum drawdown; NaN when there was no drawdown. */
export function calmarRatio(returns: readonly number[], periodsPerYear: number): number {
  const drawdown = maxDrawdown(returns);
  if (!(drawdown < 0)) return NaN;
  const ratio = annualReturn(returns, periodsPerYear) / Math.abs(drawdown);
  return Number.isFinite(ratio) ? ratio : NaN;
}

/**
 * Probability-weighted gains over losses around a threshold. `requiredReturn` is an ANNUAL rate, turned into a
 * per-period threshold with `annualization` periods (empyrical always uses 252 here, whatever the data frequency).
 */
export function omegaRatio(
  returns: readonly number[],
  riskFree: PerPeriodRate = 0,
  requiredReturn = 0,
  annualization = 252,
): number {
  if (returns.length < 2) return NaN;
  let threshold: number;
  if (annualization === 1) threshold = requiredReturn;
  else if (requiredReturn <= -1) return NaN;
  else threshold = (1 + requiredReturn) ** (1 / annualization) - 1;
  let gains = 0;
  let losses = 0;
  for (const x of subtract(returns, riskFree)) {
    const excess = x - threshold;
    if (excess > 0) gains += excess;
    else if (excess < 0) losses -= excess;
  }
  return losses > 0 ? gains / losses : NaN;
}
