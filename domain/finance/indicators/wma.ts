import { assertPeriod } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';

/** Linearly weighted moving average: weights 1..period, newest bar heaviest, over period(period+1)/2 (TA-Lib WMA). */
export function wma(values: Series, period: number): Float64Array {
  assertPeriod('wma', 'period', period);
  return onValidBars([values], ([v]) => wmaKernel(v, period));
}

/**
 * O(n): moving the window one bar lowers every weight by one (subtracts the previous window's plain sum, which
 * also drops the oldest value, whose weight was 1) and adds the new value with weight `period`.
 */
function wmaKernel(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = nanArray(n, period - 1);
  if (n < period) return out;
  const divisor = (period * (period + 1)) / 2;
  // Start from the window ending at bar period-2, padded with one zero in front: weights 2..period.
  let plain = 0;
  let weighted = 0;
  for (let i = 0; i < period - 1; i++) {
    weighted += (i + 2) * values[i];
    plain += values[i];
  }
  weighted += period * values[period - 1] - plain;
  plain += values[period - 1];
  out[period - 1] = weighted / divisor;
  for (let i = period; i < n; i++) {
    const x = values[i];
    weighted += period * x - plain;
    plain += x - values[i - period];
    out[i] = weighted / divisor;
  }
  return out;
}
