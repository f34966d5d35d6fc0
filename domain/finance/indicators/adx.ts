import { trueRangeAt } from './true-range';
import { assertPeriod, assertSameLength } from './validate';
import { nanArrays, onValidBars, type Series } from './valid-bars';

/**
 * Where the DI and ADX start:
 * - 'talib' (default, TA-Lib): DI from bar `period`, ADX from bar 2*period-1 (as described below).
 * - 'tulip' (Tulip Indicators, Wilder's worksheet as in Achelis): the DI is already emitted at bar period-1 from
 *   the plain sums of bars 1..period-1, and the ADX starts at bar 2*period-2 as the mean of DX over bars
 *   period-1..2*period-2. From bar `period` on the DI values are the same; the ADX differs by a decaying offset.
 */
export type AdxSeed = 'talib' | 'tulip';

export interface AdxResult extends Record<string, Float64Array> {
  adx: Float64Array;
  plus_di: Float64Array;
  minus_di: Float64Array;
}

/**
 * Average directional index with +DI/-DI, Wilder's method exactly as TA-Lib ADX/PLUS_DI/MINUS_DI:
 * - +DM = up move if it is positive and larger than the down move, else 0 (and symmetrically -DM), from bar 1;
 * - the DM and TR sums start with bars 1..period-1, then every bar from `period` on applies Wilder's
 *   sum = sum - sum/period + x (TA-Lib's seed; Tulip and Wilder's worksheet emit the plain sum one bar earlier,
 *   and from bar `period` on the DI values agree);
 * - +DI = 100*sum(+DM)/sum(TR) from bar `period` (0 when the true-range sum is 0);
 * - DX = 100*|+DI - -DI|/(+DI + -DI); ADX starts at bar 2*period-1 as the mean of the first `period` DX values,
 *   then adx = (adx*(period-1) + dx)/period. Where DX is undefined (both DI are 0, a flat market) TA-Lib counts
 *   it as 0 in the seed and holds the ADX afterwards; so do we.
 */
export function adx(
  high: Series,
  low: Series,
  close: Series,
  period = 14,
  options: { seed?: AdxSeed } = {},
): AdxResult {
  assertPeriod('adx', 'period', period);
  assertSameLength('adx', { high, low, close });
  const seed = options.seed ?? 'talib';
  return onValidBars([high, low, close], ([h, l, c]) => adxKernel(h, l, c, period, seed));
}

function adxKernel(high: Float64Array, low: Float64Array, close: Float64Array, period: number, seed: AdxSeed) {
  const n = close.length;
  // With period 1 there is no partial sum to emit, and both seeds coincide.
  const early = seed === 'tulip' && period > 1;
  const diStart = early ? period - 1 : period;
  const adxStart = diStart + period - 1;
  const [adxValues, plusDiValues, minusDiValues] = nanArrays(n, [adxStart, diStart, diStart]);
  const result: AdxResult = { adx: adxValues, plus_di: plusDiValues, minus_di: minusDiValues };
  if (n <= diStart) return result;
  let plusDm = 0;
  let minusDm = 0;
  let trueRange = 0;
  let dxSum = 0;
  let average = 0;
  // Wilder's x - x/n and (a*(n-1) + x)/n with the factors computed once: multiplications in the loop.
  const decay = 1 - 1 / period;
  const keep = (period - 1) / period;
  const add = 1 / period;
  for (let i = 1; i < n; i++) {
    const up = high[i] - high[i - 1];
    const down = low[i - 1] - low[i];
    // TA-Lib's rule (+DM = up if up > down and up > 0) is the same as: the positive part of the larger move.
    // Written without branches or Math.max (both compile to branches in V8, and which move wins is a coin flip):
    // (x + |x|)/2 is exactly max(x, 0), and a 0/1 factor selects exactly.
    const upPart = (up + Math.abs(up)) * 0.5;
    const downPart = (down + Math.abs(down)) * 0.5;
    const plus = upPart * +(upPart > downPart);
    const minus = downPart * +(downPart > upPart);
    const range = trueRangeAt(high, low, close, i);
    if (i < period) {
      plusDm += plus;
      minusDm += minus;
      trueRange += range;
      if (i < diStart) continue;
    } else {
      plusDm = plusDm * decay + plus;
      minusDm = minusDm * decay + minus;
      trueRange = trueRange * decay + range;
    }
    const scale = trueRange === 0 ? 0 : 100 / trueRange;
    const plusDi = plusDm * scale;
    const minusDi = minusDm * scale;
    result.plus_di[i] = plusDi;
    result.minus_di[i] = minusDi;
    const diSum = plusDi + minusDi;
    const dx = diSum === 0 ? 0 : (100 * Math.abs(plusDi - minusDi)) / diSum;
    if (i < adxStart) {
      dxSum += dx;
      continue;
    }
    if (i === adxStart) average = (dxSum + dx) * add;
    else if (diSum !== 0) average = average * keep + dx * add;
    result.adx[i] = average;
  }
  return result;
}
