export interface RangePosition {
  /** Highest high (or close, where the high is missing) over the window. */
  high: number;
  low: number;
  /** last close / high - 1: 0 at the high, negative below it. */
  fromHigh: number;
  /** last close / low - 1: 0 at the low, positive above it. */
  fromLow: number;
  /** Bars in the window. */
  bars: number;
}

/**
 * Where the last close sits in the range of the last `lookback` bars (52 weeks = one year of bars). Highs and
 * lows are used where present because an intraday extreme is the true 52-week high; the close stands in for a
 * missing one.
 */
export function rangePosition(
  closes: ArrayLike<number>,
  highs: ArrayLike<number> | null,
  lows: ArrayLike<number> | null,
  lookback: number,
): RangePosition {
  const from = Math.max(0, closes.length - lookback);
  let high = -Infinity;
  let low = Infinity;
  for (let i = from; i < closes.length; i++) {
    const h = highs && Number.isFinite(highs[i]) ? highs[i] : closes[i];
    const l = lows && Number.isFinite(lows[i]) ? lows[i] : closes[i];
    if (h > high) high = h;
    if (l < low) low = l;
  }
  const close = closes[closes.length - 1];
  return { high, low, fromHigh: close / high - 1, fromLow: close / low - 1, bars: closes.length - from };
}
