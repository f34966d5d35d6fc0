import { assertPeriod, assertPositive } from './validate';
import { nanArrays, onValidBars, type Series } from './valid-bars';
import { WindowSums } from './window-sums';

export interface BollingerResult extends Record<string, Float64Array> {
  upper: Float64Array;
  middle: Float64Array;
  lower: Float64Array;
}

/**
 * Bollinger bands: SMA(period) +/- multiplier * POPULATION standard deviation (divide by n), as TA-Lib BBANDS
 * (with MA type SMA and equal up/down deviations), R TTR and Bollinger's own definition.
 */
export function bollinger(values: Series, period = 20, multiplier = 2): BollingerResult {
  assertPeriod('bbands', 'period', period);
  assertPositive('bbands', 'multiplier', multiplier);
  return onValidBars([values], ([v]) => bollingerKernel(v, period, multiplier));
}

/**
 * O(n) with running sums of d and d^2, d = x - first value (so that prices far from zero do not make the sums
 * large). The sums are compensated (Knuth's TwoSum keeps the rounding error of every addition): a plain running
 * sum of squares forgets the rounding of a large square it later subtracts. Even exact sums cancel when the
 * window has moved far from the first value (prices 1, 1, 1 after a first price of 464: a band of 1e-6 where
 * the true one is 0), so an ill-conditioned window is summed again in two passes (see squaredDeviations).
 */
function bollingerKernel(values: Float64Array, period: number, multiplier: number): BollingerResult {
  const n = values.length;
  const [upper, middle, lower] = nanArrays(n, [period - 1, period - 1, period - 1]);
  if (n < period) return { upper, middle, lower };
  const shift = values[0];
  const sums = new WindowSums();
  for (let i = 0; i < period - 1; i++) sums.add(values[i] - shift);
  const invPeriod = 1 / period;
  for (let i = period - 1; i < n; i++) {
    sums.add(values[i] - shift);
    const mean = sums.sum() * invPeriod;
    const variance = sums.squaredDeviations(period, values, i - period + 1) * invPeriod;
    const band = variance > 0 ? multiplier * Math.sqrt(variance) : 0;
    const centre = mean + shift;
    middle[i] = centre;
    upper[i] = centre + band;
    lower[i] = centre - band;
    sums.remove(values[i - period + 1] - shift);
  }
  return { upper, middle, lower };
}
