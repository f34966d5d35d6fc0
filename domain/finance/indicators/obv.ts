import { assertSameLength } from './validate';
import { onValidBars, type Series } from './valid-bars';

/**
 * Where the running total starts at bar 0:
 * - 'volume' (default, TA-Lib OBV): the first bar's volume.
 * - 'zero' (Tulip Indicators, Granville's worked examples): 0.
 * The two differ by that constant only.
 */
export type ObvStart = 'volume' | 'zero';

/** On-balance volume: add the bar's volume when the close rises, subtract it when it falls, keep it when flat. */
export function obv(close: Series, volume: Series, options: { start?: ObvStart } = {}): Float64Array {
  assertSameLength('obv', { close, volume });
  const start = options.start ?? 'volume';
  return onValidBars([close, volume], ([c, v]) => obvKernel(c, v, start));
}

/** Branch-free sign: whether a close rises is a coin flip, so an if/else would mispredict half the time. */
function obvKernel(close: Float64Array, volume: Float64Array, start: ObvStart): Float64Array {
  const n = close.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  let total = start === 'volume' ? volume[0] : 0;
  out[0] = total;
  for (let i = 1; i < n; i++) {
    const change = close[i] - close[i - 1];
    total += (+(change > 0) - +(change < 0)) * volume[i];
    out[i] = total;
  }
  return out;
}
