import { assertPeriod } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';

/**
 * Relative strength index, Wilder's convention as in TA-Lib RSI: the average gain and loss start as the simple
 * mean of the first `period` price changes (first value at bar `period`), then follow avg = (avg*(period-1)+x)/period.
 * RSI = 100*avgGain/(avgGain+avgLoss); a window without any change gives 0, as TA-Lib does.
 */
export function rsi(values: Series, period: number): Float64Array {
  assertPeriod('rsi', 'period', period);
  return onValidBars([values], ([v]) => rsiKernel(v, period));
}

function rsiKernel(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = nanArray(n, period);
  if (n <= period) return out;
  // Sums rather than averages (the ratio is the same): avg*(n-1)/n + x/n becomes sum*(n-1)/n + x, one
  // multiplication per step. Gain and loss come from |change| without a branch: whether a close rises is a
  // coin flip, and a mispredicted branch costs more than the arithmetic.
  let gain = 0;
  let loss = 0;
  for (let i = 1; i <= period; i++) {
    const change = values[i] - values[i - 1];
    if (change > 0) gain += change;
    else loss -= change;
  }
  out[period] = ratio(gain, loss);
  const keep = (period - 1) / period;
  for (let i = period + 1; i < n; i++) {
    const change = values[i] - values[i - 1];
    const size = Math.abs(change);
    gain = gain * keep + (size + change) * 0.5;
    loss = loss * keep + (size - change) * 0.5;
    out[i] = ratio(gain, loss);
  }
  return out;
}

function ratio(gain: number, loss: number): number {
  const total = gain + loss;
  // gain/total first: it cannot exceed 1, whereas (100*gain)/total can round to 100 + 1 ulp.
  return total === 0 ? 0 : 100 * (gain / total);
}
