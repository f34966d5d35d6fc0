/**
 * Window extremes are tracked the way TA-Lib does: keep the extreme and its bar; a new value that beats it
 * replaces it, and only when the extreme leaves the window is the window rescanned (with these helpers). On
 * price data rescans are rare, so this is about twice as fast as a monotonic deque (fewer unpredictable
 * branches), though O(n*period) in the worst case (a steadily falling series for the maximum).
 */

/** Bar of the highest value in [from, to] (the latest one on ties, so that it stays in the window longest). */
export function highestFrom(values: Float64Array, from: number, to: number): number {
  let bar = from > 0 ? from : 0;
  for (let j = bar + 1; j <= to; j++) if (values[j] >= values[bar]) bar = j;
  return bar;
}

/** Bar of the lowest value in [from, to] (the latest one on ties). */
export function lowestFrom(values: Float64Array, from: number, to: number): number {
  let bar = from > 0 ? from : 0;
  for (let j = bar + 1; j <= to; j++) if (values[j] <= values[bar]) bar = j;
  return bar;
}

/**
 * The highest high and lowest low of the last `period` bars, advanced one bar at a time by the callers' loops
 * (Stochastic, Williams %R). Small enough for V8 to inline into those loops.
 */
export class WindowExtremes {
  highest = -Infinity;
  lowest = Infinity;
  private highestBar = -1;
  private lowestBar = -1;

  constructor(
    private readonly high: Float64Array,
    private readonly low: Float64Array,
    private readonly period: number,
  ) {}

  /** Moves the window to end at bar `i`; false while it does not yet hold `period` bars. */
  advance(i: number): boolean {
    const windowStart = i - this.period + 1;
    const { high, low } = this;
    if (this.highestBar < windowStart) {
      this.highestBar = highestFrom(high, windowStart, i);
      this.highest = high[this.highestBar];
    } else if (high[i] >= this.highest) {
      this.highest = high[i];
      this.highestBar = i;
    }
    if (this.lowestBar < windowStart) {
      this.lowestBar = lowestFrom(low, windowStart, i);
      this.lowest = low[this.lowestBar];
    } else if (low[i] <= this.lowest) {
      this.lowest = low[i];
      this.lowestBar = i;
    }
    return windowStart >= 0;
  }
}
