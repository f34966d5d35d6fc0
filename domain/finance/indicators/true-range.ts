import { assertPeriod, assertSameLength } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';

/**
 * What to do at bar 0, which has no previous close:
 * - 'nan' (default, TA-Lib TRANGE/ATR, R TTR): no true range at bar 0; ATR(n) starts at bar n with the mean of
 *   TR over bars 1..n.
 * - 'highLow' (Tulip Indicators, Wilder's worksheets): TR at bar 0 is high-low; ATR(n) starts at bar n-1 with the
 *   mean of TR over bars 0..n-1.
 */
export type FirstTrueRange = 'nan' | 'highLow';

/** True range: max(high, previous close) - min(low, previous close). */
export function trueRange(
  high: Series,
  low: Series,
  close: Series,
  options: { firstBar?: FirstTrueRange } = {},
): Float64Array {
  assertSameLength('tr', { high, low, close });
  const firstBar = options.firstBar ?? 'nan';
  return onValidBars([high, low, close], ([h, l, c]) => trueRangeKernel(h, l, c, firstBar));
}

/** Average true range with Wilder smoothing: atr = (atr*(period-1) + tr)/period (TA-Lib ATR). */
export function atr(
  high: Series,
  low: Series,
  close: Series,
  period = 14,
  options: { firstBar?: FirstTrueRange } = {},
): Float64Array {
  assertPeriod('atr', 'period', period);
  assertSameLength('atr', { high, low, close });
  const firstBar = options.firstBar ?? 'nan';
  return onValidBars([high, low, close], ([h, l, c]) => atrKernel(h, l, c, period, firstBar));
}

function trueRangeKernel(high: Float64Array, low: Float64Array, close: Float64Array, firstBar: FirstTrueRange) {
  const n = high.length;
  const out = nanArray(n, 1);
  if (n === 0) return out;
  if (firstBar === 'highLow') out[0] = high[0] - low[0];
  for (let i = 1; i < n; i++) out[i] = trueRangeAt(high, low, close, i);
  return out;
}

/**
 * Bar i >= 1. Written as an arithmetic select rather than Math.max/min or a ternary, which V8 compiles to
 * branches (whether the previous close lies outside the bar is unpredictable): with a 0/1 factor f,
 * x*f + y*(1-f) is exactly x or y for finite inputs. Twice as fast on real prices.
 */
export function trueRangeAt(high: Float64Array, low: Float64Array, close: Float64Array, i: number): number {
  const previousClose = close[i - 1];
  const h = high[i];
  const l = low[i];
  const highAbove = +(h > previousClose);
  const lowBelow = +(l < previousClose);
  return h * highAbove + previousClose * (1 - highAbove) - (l * lowBelow + previousClose * (1 - lowBelow));
}

/** Wilder average of the true range, seeded with the mean of its first `period` values; one pass, no TR array. */
function atrKernel(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  firstBar: FirstTrueRange,
) {
  const n = high.length;
  const first = firstBar === 'highLow' ? 0 : 1;
  const seedBar = first + period - 1;
  const out = nanArray(n, seedBar);
  if (seedBar >= n) return out;
  let sum = first === 0 ? high[0] - low[0] : 0;
  for (let i = 1; i <= seedBar; i++) sum += trueRangeAt(high, low, close, i);
  let average = sum / period;
  out[seedBar] = average;
  const keep = period - 1;
  for (let i = seedBar + 1; i < n; i++) {
    average = (average * keep + trueRangeAt(high, low, close, i)) / period;
    out[i] = average;
  }
  return out;
}
