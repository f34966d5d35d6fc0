/**
 * The k-th smallest of some values without sorting them all: a quantile needs one or two ranks, and quickselect
 * finds a rank in O(n) where a sort costs O(n log n). The order is the one `Float64Array.prototype.sort` uses
 * (-0 before +0), so a selected value is the value the sorted array holds at that rank, to the bit. NaN has no
 * place in it: callers pass present values only.
 */

/** Sort order of a typed array: `<`, except that -0 comes before +0 (1 / -0 is -Infinity). */
function before(a: number, b: number): boolean {
  return a < b || (a === 0 && b === 0 && 1 / a < 1 / b);
}

function swap(values: Float64Array, i: number, j: number): void {
  const t = values[i];
  values[i] = values[j];
  values[j] = t;
}

/**
 * Reorders `values` so that `values[k]` is what a sort would put there, with nothing after it in `[0, k)` and
 * nothing before it in `(k, n)`; returns `values[k]`. Median-of-three partitioning; a range that keeps failing to
 * shrink is sorted outright, which bounds the worst case by a sort's.
 */
export function selectInPlace(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  let roundsLeft = 2 * Math.ceil(Math.log2(values.length + 1)) + 8;
  while (hi > lo + 1) {
    if (--roundsLeft < 0) {
      values.subarray(lo, hi + 1).sort();
      return values[k];
    }
    // The median of the ends and the middle becomes the pivot at lo + 1; the ends then bound the scans below.
    swap(values, (lo + hi) >> 1, lo + 1);
    if (before(values[hi], values[lo])) swap(values, lo, hi);
    if (before(values[hi], values[lo + 1])) swap(values, lo + 1, hi);
    if (before(values[lo + 1], values[lo])) swap(values, lo, lo + 1);
    const pivot = values[lo + 1];
    let i = lo + 1;
    let j = hi;
    for (;;) {
      do i++;
      while (before(values[i], pivot));
      do j--;
      while (before(pivot, values[j]));
      if (j < i) break;
      swap(values, i, j);
    }
    values[lo + 1] = values[j];
    values[j] = pivot;
    if (j >= k) hi = j - 1;
    if (j <= k) lo = i;
  }
  if (hi === lo + 1 && before(values[hi], values[lo])) swap(values, lo, hi);
  return values[k];
}

/** The first of `values[from..n)` in sort order: after `selectInPlace(values, from - 1)`, the next rank's value. */
export function smallestFrom(values: Float64Array, from: number): number {
  let smallest = values[from];
  for (let i = from + 1; i < values.length; i++) if (before(values[i], smallest)) smallest = values[i];
  return smallest;
}
