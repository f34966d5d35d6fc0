import { assertPeriod, assertPositive } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';
import { WindowSums } from './window-sums';

export interface VolatilityOptions {
  /** Bars per year for annualising; 252 trading days by default. */
  periodsPerYear?: number;
  /** Delta degrees of freedom of the standard deviation: 1 (sample, default) or 0 (population, Tulip). */
  ddof?: 0 | 1;
}

/**
 * Annualised rolling volatility: the standard deviation of the last `period` SIMPLE returns close/prevClose - 1
 * (not log returns), times sqrt(periodsPerYear). The default sample std (ddof=1) matches how the risk metrics
 * (empyrical, R PerformanceAnalytics) estimate volatility; Tulip's `volatility` uses the population std (ddof=0).
 * First value at bar `period` (the first return is at bar 1).
 */
export function volatility(values: Series, period = 20, options: VolatilityOptions = {}): Float64Array {
  const ddof = options.ddof ?? 1;
  assertPeriod('volatility', 'period', period, ddof + 1);
  const periodsPerYear = options.periodsPerYear ?? 252;
  assertPositive('volatility', 'periodsPerYear', periodsPerYear);
  return onValidBars([values], ([v]) => volatilityKernel(v, period, ddof, Math.sqrt(periodsPerYear)));
}

/**
 * O(n) compensated running sums of r and r^2 (see window-sums.ts for why compensated). The returns are computed
 * once into their own array: the one leaving the window is needed again `period` bars later.
 */
function volatilityKernel(values: Float64Array, period: number, ddof: number, annualise: number): Float64Array {
  const n = values.length;
  const out = nanArray(n, period);
  if (n <= period) return out;
  const returns = new Float64Array(n);
  for (let i = 1; i < n; i++) returns[i] = values[i] / values[i - 1] - 1;
  const sums = new WindowSums();
  for (let i = 1; i < period; i++) sums.add(returns[i]);
  const invDof = 1 / (period - ddof);
  for (let i = period; i < n; i++) {
    sums.add(returns[i]);
    const variance = sums.squaredDeviations(period, returns, i - period + 1) * invDof;
    out[i] = variance > 0 ? Math.sqrt(variance) * annualise : 0;
    sums.remove(returns[i - period + 1]);
  }
  return out;
}
