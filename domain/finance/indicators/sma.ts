import { assertPeriod } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';

/** Simple moving average: mean of the last `period` values; first value at bar period-1 (TA-Lib SMA). */
export function sma(values: Series, period: number): Float64Array {
  assertPeriod('sma', 'period', period);
  return onValidBars([values], ([v]) => smaKernel(v, period));
}

/** O(n) running sum over the bars from `start` on (earlier bars are ignored); expects finite input from `start`. */
export function smaKernel(values: Float64Array, period: number, start = 0): Float64Array {
  const n = values.length;
  const first = start + period - 1;
  const out = nanArray(n, first);
  if (first >= n) return out;
  let sum = 0;
  for (let i = start; i < first; i++) sum += values[i];
  for (let i = first; i < n; i++) {
    sum += values[i];
    out[i] = sum / period;
    sum -= values[i - period + 1];
  }
  return out;
}
