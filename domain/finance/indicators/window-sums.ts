/** Below this share of Q, Q - S²/n has fewer than ~8 significant digits left: recompute it in two passes. */
const CANCELLATION_LIMIT = 1e-8;

/**
 * Running sum and sum of squares of a sliding window, compensated with Knuth's TwoSum: each addition's rounding
 * error is kept in a second term, so removing a value later cancels it exactly and the sums do not drift.
 * Without it, a large value that has left the window leaves an error of about eps*value^2 in the sum of
 * squares, which a square root then turns into sqrt(eps)*value (1e-6 on a 257 outlier) where the true standard
 * deviation is 0. Costs a few additions per step.
 */
export class WindowSums {
  private s = 0;
  private sError = 0;
  private q = 0;
  private qError = 0;

  add(x: number): void {
    this.accumulate(x, x * x);
  }

  remove(x: number): void {
    this.accumulate(-x, -(x * x));
  }

  sum(): number {
    return this.s + this.sError;
  }

  sumOfSquares(): number {
    return this.q + this.qError;
  }

  /**
   * Sum of squared deviations from the mean of the `n` values now in the window, `values[from..from+n-1]` (the
   * values themselves, not the shifted ones the sums may hold). Q - S²/n cancels: it keeps about
   * log10((Q/n) / variance) fewer digits than a double has, and when the window sits far from the values the sums
   * were taken around (a flat stretch after an outlier) nothing is left but rounding, which a square root
   * magnifies to sqrt(eps)·scale. Below the limit the window is summed again with the corrected two-pass
   * algorithm, which is exact for a constant window. Rare on real prices, so still O(n) on average.
   */
  squaredDeviations(n: number, values: Float64Array, from: number): number {
    const s = this.sum();
    const q = this.sumOfSquares();
    const fast = q - (s * s) / n;
    if (fast > q * CANCELLATION_LIMIT) return fast;
    const to = from + n;
    let mean = 0;
    for (let i = from; i < to; i++) mean += values[i];
    mean /= n;
    let squares = 0;
    let residual = 0;
    for (let i = from; i < to; i++) {
      const d = values[i] - mean;
      squares += d * d;
      residual += d;
    }
    return squares - (residual * residual) / n;
  }

  private accumulate(x: number, square: number): void {
    const s = this.s + x;
    const sVirtual = s - this.s;
    this.sError += this.s - (s - sVirtual) + (x - sVirtual);
    this.s = s;
    const q = this.q + square;
    const qVirtual = q - this.q;
    this.qError += this.q - (q - qVirtual) + (square - qVirtual);
    this.q = q;
  }
}
