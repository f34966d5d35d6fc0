import { assertPeriod } from './validate';
import { nanArray, onValidBars, type Series } from './valid-bars';

/**
 * How the recursion starts:
 * - 'sma' (default, TA-Lib and R TTR): the first value, at bar period-1, is the SMA of the first `period` values.
 * - 'first' (Tulip Indicators, pandas `ewm(adjust=False)`): the first value is the first input, at bar 0.
 */
export type EmaSeed = 'sma' | 'first';

/** Exponential moving average with smoothing factor 2/(period+1). */
export function ema(values: Series, period: number, options: { seed?: EmaSeed } = {}): Float64Array {
  assertPeriod('ema', 'period', period);
  const seed = options.seed ?? 'sma';
  return onValidBars([values], ([v]) =>
    seed === 'first'
      ? emaFromFirstKernel(v, emaFactor(period), 0)
      : emaKernel(v, period, period - 1, emaFactor(period)),
  );
}

export function emaFactor(period: number): number {
  return 2 / (period + 1);
}

/**
 * EMA whose seed is the SMA of the `period` values ending at bar `seedBar` (NaN before it). MACD uses a later
 * seed bar than period-1 for its fast line (see macd.ts). Expects finite input.
 */
export function emaKernel(values: Float64Array, period: number, seedBar: number, k: number): Float64Array {
  const n = values.length;
  if (seedBar >= n || seedBar < period - 1) return nanArray(n);
  const out = nanArray(n, seedBar);
  let sum = 0;
  for (let i = seedBar - period + 1; i <= seedBar; i++) sum += values[i];
  let prev = sum / period;
  out[seedBar] = prev;
  for (let i = seedBar + 1; i < n; i++) {
    prev += k * (values[i] - prev);
    out[i] = prev;
  }
  return out;
}

/** EMA seeded with the value at bar `start` itself (NaN before it). Expects finite input from `start` on. */
export function emaFromFirstKernel(values: Float64Array, k: number, start: number): Float64Array {
  const n = values.length;
  const out = nanArray(n, start);
  if (start >= n) return out;
  let prev = values[start];
  out[start] = prev;
  for (let i = start + 1; i < n; i++) {
    prev += k * (values[i] - prev);
    out[i] = prev;
  }
  return out;
}
