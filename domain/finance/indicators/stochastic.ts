import { WindowExtremes } from './rolling-extremes';
import { assertPeriod, assertSameLength } from './validate';
import { nanArrays, onValidBars, type Series } from './valid-bars';

export interface StochasticResult extends Record<string, Float64Array> {
  k: Float64Array;
  d: Float64Array;
}

/**
 * Slow stochastic as TA-Lib STOCH with its defaults (simple moving averages):
 * fast %K = 100*(close - lowest low)/(highest high - lowest low) over `kPeriod` bars (0 when the range is empty,
 * as TA-Lib), %K = SMA(kSlowing) of fast %K, %D = SMA(dPeriod) of %K. Both outputs start at the same bar,
 * kPeriod+kSlowing+dPeriod-3, as TA-Lib and Tulip align them.
 */
export function stochastic(
  high: Series,
  low: Series,
  close: Series,
  kPeriod = 14,
  kSlowing = 3,
  dPeriod = 3,
): StochasticResult {
  assertPeriod('stoch', 'k period', kPeriod);
  assertPeriod('stoch', 'k slowing period', kSlowing);
  assertPeriod('stoch', 'd period', dPeriod);
  assertSameLength('stoch', { high, low, close });
  return onValidBars([high, low, close], ([h, l, c]) => stochasticKernel(h, l, c, kPeriod, kSlowing, dPeriod));
}

/**
 * One pass: the window extremes come from WindowExtremes (see rolling-extremes.ts), and both smoothings are running
 * sums over small rings of the last kSlowing fast %K and dPeriod %K values, so no intermediate arrays.
 */
function stochasticKernel(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  kPeriod: number,
  kSlowing: number,
  dPeriod: number,
): StochasticResult {
  const n = close.length;
  const start = kPeriod + kSlowing + dPeriod - 3;
  const [k, d] = nanArrays(n, [start, start]);
  if (start >= n) return { k, d };
  const fastRing = new Float64Array(kSlowing);
  const slowRing = new Float64Array(dPeriod);
  let fastSlot = 0;
  let slowSlot = 0;
  let fastSum = 0;
  let slowSum = 0;
  const window = new WindowExtremes(high, low, kPeriod);
  for (let i = 0; i < n; i++) {
    if (!window.advance(i)) continue;
    const { highest, lowest } = window;
    const range = highest - lowest;
    const fastK = range === 0 ? 0 : 100 * ((close[i] - lowest) / range);
    // The rings start as zeros, so until they are full the subtraction removes nothing.
    fastSum += fastK - fastRing[fastSlot];
    fastRing[fastSlot] = fastK;
    if (++fastSlot === kSlowing) fastSlot = 0;
    if (i < kPeriod + kSlowing - 2) continue;
    const slowK = fastSum / kSlowing;
    slowSum += slowK - slowRing[slowSlot];
    slowRing[slowSlot] = slowK;
    if (++slowSlot === dPeriod) slowSlot = 0;
    if (i < start) continue;
    // Running sums can leave a residue of about 1e-14 (e.g. -5e-15 after a run of zeros): clamp to the range the
    // exact means are in.
    k[i] = Math.min(100, Math.max(0, slowK));
    d[i] = Math.min(100, Math.max(0, slowSum / dPeriod));
  }
  return { k, d };
}
