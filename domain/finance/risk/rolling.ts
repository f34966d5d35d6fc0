/**
 * Metrics over a trailing window of `window` returns, one value per return: NaN until the window is full.
 * Each window reuses the full-sample functions, so a rolling value equals the metric on that slice exactly. That
 * costs O(n · window): these are the definitions, and `computeRisk` uses the O(n) running versions in
 * running-rolling.ts, which agree with them to floating-point noise.
 */
import { beta } from './benchmark';
import { annualVolatility, sharpeRatio } from './ratios';

export function checkWindow(window: number): void {
  if (!Number.isInteger(window) || window < 2) throw new RangeError(`rolling window must be an integer >= 2`);
}

function rolling(length: number, window: number, metric: (from: number, to: number) => number): number[] {
  checkWindow(window);
  const out = new Array<number>(length).fill(NaN);
  for (let end = window; end <= length; end++) out[end - 1] = metric(end - window, end);
  return out;
}

export function rollingVolatility(returns: readonly number[], window: number, periodsPerYear: number): number[] {
  return rolling(returns.length, window, (from, to) => annualVolatility(returns.slice(from, to), periodsPerYear));
}

export function rollingSharpe(
  returns: readonly number[],
  window: number,
  periodsPerYear: number,
  riskFree = 0,
): number[] {
  return rolling(returns.length, window, (from, to) => sharpeRatio(returns.slice(from, to), riskFree, periodsPerYear));
}

export function rollingBeta(returns: readonly number[], benchmark: readonly number[], window: number): number[] {
  return rolling(returns.length, window, (from, to) => beta(returns.slice(from, to), benchmark.slice(from, to)));
}

/** Half a year of periods (pyfolio's 6-month default), at least 2. */
export function defaultRollingWindow(periodsPerYear: number): number {
  return Math.max(2, Math.round(periodsPerYear / 2));
}
