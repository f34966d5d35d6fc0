import { assertPeriod, assertSameLength } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';
import { lowestFrom, highestFrom } from './rolling-extremes';

/**
 * Williams %R = -100*(highest high - close)/(highest high - lowest low) over `period` bars, in [-100, 0] for
 * consistent bars; 0 when the range is empty, as TA-Lib WILLR.
 */
export function williamsR(high: Series, low: Series, close: Series, period = 14): Float64Array {
  assertPeriod('willr', 'period', period);
  assertSameLength('willr', { high, low, close });
  return onValidBars([high, low, close], ([h, l, c]) => williamsRKernel(h, l, c, period));
}

/** One pass, tracking the window's extremes inline (see rolling-extremes.ts for why they are tracked this way). */
function williamsRKernel(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  const n = close.length;
  const out = nanArray(n, period - 1);
  if (n < period) return out;
  let highest = -Infinity;
  let highestBar = -1;
  let lowest = Infinity;
  let lowestBar = -1;
  for (let i = 0; i < n; i++) {
    const windowStart = i - period + 1;
    if (highestBar < windowStart) {
      highestBar = highestFrom(high, windowStart, i);
      highest = high[highestBar];
    } else if (high[i] >= highest) {
      highest = high[i];
      highestBar = i;
    }
    if (lowestBar < windowStart) {
      lowestBar = lowestFrom(low, windowStart, i);
      lowest = low[lowestBar];
    } else if (low[i] <= lowest) {
      lowest = low[i];
      lowestBar = i;
    }
    if (windowStart < 0) continue;
    const range = highest - lowest;
    // The ratio first, so that rounding cannot push the value past -100.
    out[i] = range === 0 ? 0 : -100 * ((highest - close[i]) / range);
  }
  return out;
}
