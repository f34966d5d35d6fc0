/**
 * Window extremes are tracked the way TA-Lib does: keep the extreme and its bar; a new value that beats it
 * replaces it, and only when the extreme leaves the window is the window rescanned (with these helpers). On
 * price data rescans are rare, so this is about twice as fast as a monotonic deque (fewer unpredictable
 * branches), though O(n*period) in the worst case (a steadily falling series for the maximum). The callers
 * inline the tracking because it is their hot loop.
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
