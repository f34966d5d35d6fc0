import { assertPeriod } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';

/**
 * Rate of change in percent, 100*(value/value[period bars ago] - 1), first at bar `period` (TA-Lib ROC, Tulip roc).
 * A zero base gives NaN (TA-Lib writes 0 there, which would read as "no change").
 */
export function roc(values: Series, period = 10): Float64Array {
  assertPeriod('roc', 'period', period);
  return onValidBars([values], ([v]) => rocKernel(v, period));
}

function rocKernel(values: Float64Array, period: number): Float64Array {
  const n = values.length;
  const out = nanArray(n, period);
  for (let i = period; i < n; i++) {
    const base = values[i - period];
    out[i] = base !== 0 ? 100 * (values[i] / base - 1) : NaN;
  }
  return out;
}
