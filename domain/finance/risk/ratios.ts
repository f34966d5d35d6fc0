/**
 * Annualised risk and risk-adjusted return, with empyrical's conventions: sample standard deviation (ddof = 1),
 * missing returns skipped, `riskFree` and `requiredReturn` per period (a scalar or a series as long as the returns).
 */
import { annualReturn } from './cumulative';
import { maxDrawdown } from './drawdown';
import { nanMean, nanStd, present, subtract } from './stats';

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
  return downsideRiskOfPresent(present(subtract(returns, requiredReturn)), periodsPerYear);
}

/**
 * `downsideRisk` of the present excess returns. The mean of the squared shortfalls is `mean`'s two passes (sum,
 * then correction) over shortfalls computed twice rather than stored: the same operations, so the same bits.
 */
export function downsideRiskOfPresent(excess: ArrayLike<number>, periodsPerYear: number): number {
  const n = excess.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.min(excess[i], 0) ** 2;
  const first = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += Math.min(excess[i], 0) ** 2 - first;
  return Math.sqrt(first + residual / n) * Math.sqrt(periodsPerYear);
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
  return calmarOf(drawdown < 0 ? annualReturn(returns, periodsPerYear) : NaN, drawdown);
}

/** `calmarRatio` from the annual return and the maximum drawdown. */
export function calmarOf(annualReturn: number, maxDrawdown: number): number {
  if (!(maxDrawdown < 0)) return NaN;
  const ratio = annualReturn / Math.abs(maxDrawdown);
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
  if (typeof riskFree !== 'number' && riskFree.length !== returns.length) {
    throw new RangeError(`series lengths differ: ${returns.length} and ${riskFree.length}`);
  }
  let gains = 0;
  let losses = 0;
  // Indexed, without the array of excess returns: a NaN return adds to neither side either way.
  for (let i = 0; i < returns.length; i++) {
    const excess = returns[i] - (typeof riskFree === 'number' ? riskFree : riskFree[i]) - threshold;
    if (excess > 0) gains += excess;
    else if (excess < 0) losses -= excess;
  }
  return losses > 0 ? gains / losses : NaN;
}
