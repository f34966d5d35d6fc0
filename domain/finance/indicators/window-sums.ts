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
