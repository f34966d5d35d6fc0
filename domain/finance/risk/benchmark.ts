/**
 * Metrics of returns against a benchmark's returns over the same periods (align by date first). Pairs where
 * either side is missing (NaN) are dropped.
 */
import { mean, nanMean, nanStd, std, subtract } from './stats';
import type { PerPeriodRate } from './ratios';

/** The pairs where both sides are present. */
export function completePairs(returns: readonly number[], benchmark: readonly number[]): [number[], number[]] {
  if (returns.length !== benchmark.length) {
    throw new RangeError(`returns and benchmark differ in length (${returns.length} and ${benchmark.length})`);
  }
  const r: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < returns.length; i++) {
    if (Number.isNaN(returns[i]) || Number.isNaN(benchmark[i])) continue;
    r.push(returns[i]);
    b.push(benchmark[i]);
  }
  return [r, b];
}

/** Population covariance and variance of the complete pairs; the OLS slope of returns on the benchmark. */
export function beta(returns: readonly number[], benchmark: readonly number[], riskFree: PerPeriodRate = 0): number {
  const [r, b] = completePairs(subtract(returns, riskFree), subtract(benchmark, riskFree));
  if (r.length < 2) return NaN;
  const mr = mean(r);
  const mb = mean(b);
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < r.length; i++) {
    covariance += (r[i] - mr) * (b[i] - mb);
    variance += (b[i] - mb) ** 2;
  }
  // empyrical treats a variance below 1e-30 as none: a flat benchmark explains nothing.
  variance /= r.length;
  return variance < 1e-30 ? NaN : covariance / r.length / variance;
}

/**
 * Jensen's alpha compounded to a year as empyrical does: `(1 + mean(r - beta * b)) ^ periodsPerYear - 1`. A caller
 * that already has the beta (of the same arguments) passes it as `slope` instead of paying for it again.
 */
export function alpha(
  returns: readonly number[],
  benchmark: readonly number[],
  periodsPerYear: number,
  riskFree: PerPeriodRate = 0,
  slope = beta(returns, benchmark, riskFree),
): number {
  const [r, b] = completePairs(subtract(returns, riskFree), subtract(benchmark, riskFree));
  const alphaPerPeriod = mean(r.map((value, i) => value - slope * b[i]));
  return (1 + alphaPerPeriod) ** periodsPerYear - 1;
}

/** Pearson correlation of the complete pairs. */
export function correlation(returns: readonly number[], benchmark: readonly number[]): number {
  const [r, b] = completePairs(returns, benchmark);
  if (r.length < 2) return NaN;
  const mr = mean(r);
  const mb = mean(b);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < r.length; i++) {
    sxy += (r[i] - mr) * (b[i] - mb);
    sxx += (r[i] - mr) ** 2;
    syy += (b[i] - mb) ** 2;
  }
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Share of the variance of the returns explained by the benchmark (single-factor regression). */
export function rSquared(returns: readonly number[], benchmark: readonly number[]): number {
  return correlation(returns, benchmark) ** 2;
}

/**
 * Mean active return over tracking error, NOT annualised (empyrical's `excess_sharpe`). `benchmark` may be a
 * scalar per-period rate. A zero or undefined tracking error is taken as 0, as empyrical does.
 */
export function excessSharpe(returns: readonly number[], benchmark: PerPeriodRate): number {
  if (returns.length < 2) return NaN;
  const active = subtract(returns, benchmark);
  const trackingError = nanStd(active, 1);
  return nanMean(active) / (Number.isNaN(trackingError) ? 0 : trackingError);
}

/** The excess Sharpe annualised by sqrt(periods): the information ratio as usually reported. */
export function informationRatio(returns: readonly number[], benchmark: PerPeriodRate, periodsPerYear: number): number {
  return excessSharpe(returns, benchmark) * Math.sqrt(periodsPerYear);
}

/**
 * Treynor ratio: annualised mean excess return per unit of beta, `mean(r - rf) * periods / beta`. The mean is
 * annualised arithmetically, like the numerator of the Sortino ratio, so the two are comparable. `slope` as in
 * `alpha`.
 */
export function treynorRatio(
  returns: readonly number[],
  benchmark: readonly number[],
  periodsPerYear: number,
  riskFree: PerPeriodRate = 0,
  slope = beta(returns, benchmark, riskFree),
): number {
  const [r] = completePairs(subtract(returns, riskFree), benchmark);
  return (mean(r) * periodsPerYear) / slope;
}

/** Tracking error: annualised sample standard deviation of the active return. */
export function trackingError(
  returns: readonly number[],
  benchmark: readonly number[],
  periodsPerYear: number,
): number {
  const [r, b] = completePairs(returns, benchmark);
  return std(subtract(r, b), 1) * Math.sqrt(periodsPerYear);
}
