import { emaFactor } from './ema';
import { assertPeriod } from './validate';
import { nanArrays, onValidBars, type Series } from './valid-bars';

/**
 * Where each EMA of the MACD starts (all use the factor 2/(n+1)):
 * - 'talib' (default, TA-Lib MACD): the slow EMA is seeded at bar slow-1 with the SMA of the first `slow` closes,
 *   and the fast EMA is seeded at that SAME bar with the SMA of the `fast` closes ending there (not at bar fast-1).
 *   The signal EMA is seeded with the SMA of the first `signal` MACD values. All three outputs start at bar
 *   slow+signal-2 (TA-Lib's lookback), so the MACD line is NaN until its signal exists.
 * - 'independent' (R TTR, most JS libraries): each EMA is seeded on its own, the fast one at bar fast-1. The MACD
 *   line starts at bar slow-1, signal and histogram at slow+signal-2. It differs from 'talib' by about 0.2 at
 *   the first signal bar (12/26/9); the difference decays to about 3e-6 by bar 100.
 * - 'first' (Tulip Indicators, pandas ewm(adjust=False)): every EMA is seeded with its first input (the fast and
 *   slow EMAs at bar 0, the signal with the MACD value at bar slow-1); all outputs start at bar slow-1.
 */
export type MacdSeed = 'talib' | 'independent' | 'first';

export interface MacdResult extends Record<string, Float64Array> {
  macd: Float64Array;
  signal: Float64Array;
  hist: Float64Array;
}

export function macd(values: Series, fast = 12, slow = 26, signal = 9, options: { seed?: MacdSeed } = {}): MacdResult {
  assertPeriod('macd', 'fast period', fast);
  assertPeriod('macd', 'slow period', slow);
  assertPeriod('macd', 'signal period', signal);
  if (fast >= slow) throw new RangeError(`macd: fast period (${fast}) must be less than slow period (${slow})`);
  const seed = options.seed ?? 'talib';
  return onValidBars([values], ([v]) => macdKernel(v, fast, slow, signal, seed));
}

/** One pass with scalar EMA states: no intermediate arrays for the fast and slow lines. */
function macdKernel(values: Float64Array, fast: number, slow: number, signal: number, seed: MacdSeed): MacdResult {
  const n = values.length;
  const lineStart = slow - 1;
  // The signal EMA is seeded with the mean of the first `signal` MACD values ('first': with the first one).
  const signalSeedBar = seed === 'first' ? lineStart : lineStart + signal - 1;
  const writeLineEarly = seed !== 'talib';
  const [line, signalLine, hist] = nanArrays(n, [
    writeLineEarly ? lineStart : signalSeedBar,
    signalSeedBar,
    signalSeedBar,
  ]);
  const result: MacdResult = { macd: line, signal: signalLine, hist };
  if (lineStart >= n) return result;
  const kFast = emaFactor(fast);
  const kSlow = emaFactor(slow);
  const kSignal = emaFactor(signal);
  // Bring both EMAs to bar lineStart from their own seed bars.
  const fastSeedBar = seed === 'talib' ? lineStart : seed === 'independent' ? fast - 1 : 0;
  const slowSeedBar = seed === 'first' ? 0 : lineStart;
  let fastEma = mean(values, fastSeedBar, seed === 'first' ? 1 : fast);
  for (let i = fastSeedBar + 1; i <= lineStart; i++) fastEma += kFast * (values[i] - fastEma);
  let slowEma = mean(values, slowSeedBar, seed === 'first' ? 1 : slow);
  for (let i = slowSeedBar + 1; i <= lineStart; i++) slowEma += kSlow * (values[i] - slowEma);
  let signalSum = 0;
  let signalEma = 0;
  for (let i = lineStart; i < n; i++) {
    if (i > lineStart) {
      fastEma += kFast * (values[i] - fastEma);
      slowEma += kSlow * (values[i] - slowEma);
    }
    const line = fastEma - slowEma;
    if (i < signalSeedBar) {
      signalSum += line;
      if (writeLineEarly) result.macd[i] = line;
      continue;
    }
    if (i === signalSeedBar) signalEma = (signalSum + line) / (seed === 'first' ? 1 : signal);
    else signalEma += kSignal * (line - signalEma);
    result.macd[i] = line;
    result.signal[i] = signalEma;
    result.hist[i] = line - signalEma;
  }
  return result;
}

/** Mean of the `count` values ending at bar `end`. */
function mean(values: Float64Array, end: number, count: number): number {
  let sum = 0;
  for (let i = end - count + 1; i <= end; i++) sum += values[i];
  return sum / count;
}
