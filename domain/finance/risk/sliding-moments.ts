/**
 * Mean and second moments of a window that slides one value at a time, in O(1) per step: Welford's update and its
 * inverse. Tracking the mean (rather than raw sums of x and x²) keeps the variance accurate when the mean is large
 * against the spread, where `Σx² - (Σx)²/n` would cancel catastrophically.
 *
 * What removal cannot avoid: the rounding error of each update is relative to the sums at that time, so once large
 * values have left a window of small ones, the small sum carries the error of the large one. `peakSumSquares` lets
 * the caller see that happen and rebuild the window from its values (see `LOST_PRECISION`).
 */

/**
 * A sum of squares this far below the largest it held since the last rebuild may have lost more than about 1e-11
 * of its relative precision (a window's worth of updates, each within 1e-16 of the peak): time to rebuild.
 */
export const LOST_PRECISION = 1e-4;

/** Count, mean and sum of squared deviations of the values in the window. */
export class SlidingMoments {
  count = 0;
  mean = 0;
  sumSquares = 0;
  peakSumSquares = 0;

  add(x: number): void {
    this.count++;
    const delta = x - this.mean;
    this.mean += delta / this.count;
    this.sumSquares += delta * (x - this.mean);
    if (this.sumSquares > this.peakSumSquares) this.peakSumSquares = this.sumSquares;
  }

  remove(x: number): void {
    if (--this.count === 0) {
      this.mean = 0;
      this.sumSquares = 0;
      return;
    }
    const delta = x - this.mean;
    this.mean -= delta / this.count;
    this.sumSquares -= delta * (x - this.mean);
  }

  get lostPrecision(): boolean {
    return this.sumSquares < this.peakSumSquares * LOST_PRECISION;
  }

  /** Sample standard deviation; rounding may leave a zero sum of squares slightly negative, hence the clamp. */
  sampleStd(): number {
    return Math.sqrt(Math.max(this.sumSquares, 0) / (this.count - 1));
  }
}

/** The same for pairs (x, y): means, the co-moment Σ(x - x̄)(y - ȳ) and both sums of squared deviations. */
export class SlidingCoMoments {
  count = 0;
  meanX = 0;
  meanY = 0;
  coMoment = 0;
  sumSquaresX = 0;
  sumSquaresY = 0;
  peakSumSquaresX = 0;
  peakSumSquaresY = 0;

  add(x: number, y: number): void {
    this.count++;
    const deltaX = x - this.meanX;
    const deltaY = y - this.meanY;
    this.meanX += deltaX / this.count;
    this.meanY += deltaY / this.count;
    this.coMoment += deltaX * (y - this.meanY);
    this.sumSquaresX += deltaX * (x - this.meanX);
    this.sumSquaresY += deltaY * (y - this.meanY);
    if (this.sumSquaresX > this.peakSumSquaresX) this.peakSumSquaresX = this.sumSquaresX;
    if (this.sumSquaresY > this.peakSumSquaresY) this.peakSumSquaresY = this.sumSquaresY;
  }

  remove(x: number, y: number): void {
    if (--this.count === 0) {
      this.meanX = this.meanY = this.coMoment = this.sumSquaresX = this.sumSquaresY = 0;
      return;
    }
    const deltaX = x - this.meanX;
    const deltaY = y - this.meanY;
    this.meanX -= deltaX / this.count;
    this.meanY -= deltaY / this.count;
    this.coMoment -= deltaX * (y - this.meanY);
    this.sumSquaresX -= deltaX * (x - this.meanX);
    this.sumSquaresY -= deltaY * (y - this.meanY);
  }

  /** The co-moment is bounded by sqrt(Sxx · Syy), so its error grows as either sum falls below its peak. */
  get lostPrecision(): boolean {
    return (
      this.sumSquaresX < this.peakSumSquaresX * LOST_PRECISION ||
      this.sumSquaresY < this.peakSumSquaresY * LOST_PRECISION
    );
  }
}

/**
 * Length of the run of equal values at the end of what was pushed. When it covers every value in the window, the
 * window is constant: there the exact answer (a deviation of exactly 0) matters, and running sums only get near it.
 */
export class TrailingRun {
  private value = NaN;
  length = 0;

  push(x: number): void {
    if (x === this.value) this.length++;
    else {
      this.value = x;
      this.length = 1;
    }
  }
}
