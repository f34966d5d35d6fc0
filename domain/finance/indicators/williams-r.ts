import { assertPeriod, assertSameLength } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';
import { WindowExtremes } from './rolling-extremes';

/**
 * Williams %R = -100*(highest high - close)/(highest high - lowest low) over `period` bars, in [-100, 0] for
 * consistent bars; 0 when the range is empty, as TA-Lib WILLR.
 */
export function williamsR(high: Series, low: Series, close: Series, period = 14): Float64Array {
  assertPeriod('willr', 'period', period);
  assertSameLength('willr', { high, low, close });
  return onValidBars([high, low, close], ([h, l, c]) => williamsRKernel(h, l, c, period));
}

/** One pass over the bars, with the window's extremes from WindowExtremes (see rolling-extremes.ts). */
function williamsRKernel(high: Float64Array, low: Float64Array, close: Float64Array, period: number): Float64Array {
  const n = close.length;
  const out = nanArray(n, period - 1);
  if (n < period) return out;
  const window = new WindowExtremes(high, low, period);
  for (let i = 0; i < n; i++) {
    if (!window.advance(i)) continue;
    const { highest, lowest } = window;
    const range = highest - lowest;
    // The ratio first, so that rounding cannot push the value past -100.
    out[i] = range === 0 ? 0 : -100 * ((highest - close[i]) / range);
  }
  return out;
}
