/**
 * The rolling metrics of `computeRisk` in one O(n) pass: each step adds the newest value to running moments and
 * removes the one that left the window, instead of recomputing a window of `window` values (O(n · window)). They
 * agree with the per-window definitions in rolling.ts to floating-point noise (rolling.test.ts checks it on random
 * series), and exactly on the windows that running moments cannot get exactly right: constant windows, windows
 * holding an infinity, windows with fewer than two values. Those few are evaluated with the definition itself.
 */
import { annualVolatility, sharpeRatio, type PerPeriodRate } from './ratios';
import { subtract } from './stats';
import { beta } from './benchmark';
import { checkWindow } from './rolling';
import { SlidingCoMoments, SlidingMoments, TrailingRun } from './sliding-moments';

/**
 * Running moments of the finite values of one series over the window; NaN is missing (skipped, as the full-sample
 * metrics skip it) and an infinity is counted apart, since it would poison the running mean for good.
 */
class WindowTracker {
  moments = new SlidingMoments();
  readonly run = new TrailingRun();
  infinities = 0;

  constructor(private readonly values: readonly number[]) {}

  /** Slides the window to `[from, to)`: `values[to - 1]` enters and `values[from - 1]` leaves. */
  slide(from: number, to: number, window: number): void {
    const entering = this.values[to - 1];
    if (Number.isFinite(entering)) {
      this.moments.add(entering);
      this.run.push(entering);
    } else if (!Number.isNaN(entering)) this.infinities++;
    if (from > 0) {
      const leaving = this.values[from - 1];
      if (Number.isFinite(leaving)) this.moments.remove(leaving);
      else if (!Number.isNaN(leaving)) this.infinities--;
    }
    // A rebuild every `window` steps costs one more pass over the data and bounds the rounding of a long series.
    if (from >= 0 && (to % window === 0 || this.moments.lostPrecision)) this.rebuild(from, to);
  }

  private rebuild(from: number, to: number): void {
    this.moments = new SlidingMoments();
    for (let i = from; i < to; i++) if (Number.isFinite(this.values[i])) this.moments.add(this.values[i]);
  }

  /** Running moments give the exact answer only for a window of at least 2 finite, not all equal, values. */
  get runningIsExact(): boolean {
    return this.infinities === 0 && this.moments.count >= 2 && this.run.length < this.moments.count;
  }
}

/** The same for the complete pairs (both sides present) of returns and benchmark. */
class PairWindowTracker {
  moments = new SlidingCoMoments();
  readonly runOfX = new TrailingRun();
  readonly runOfY = new TrailingRun();
  infinities = 0;

  constructor(
    private readonly xs: readonly number[],
    private readonly ys: readonly number[],
  ) {}

  slide(from: number, to: number, window: number): void {
    const x = this.xs[to - 1];
    const y = this.ys[to - 1];
    if (Number.isFinite(x) && Number.isFinite(y)) {
      this.moments.add(x, y);
      this.runOfX.push(x);
      this.runOfY.push(y);
    } else if (!Number.isNaN(x) && !Number.isNaN(y)) this.infinities++;
    if (from > 0) {
      const leavingX = this.xs[from - 1];
      const leavingY = this.ys[from - 1];
      if (Number.isFinite(leavingX) && Number.isFinite(leavingY)) this.moments.remove(leavingX, leavingY);
      else if (!Number.isNaN(leavingX) && !Number.isNaN(leavingY)) this.infinities--;
    }
    if (from >= 0 && (to % window === 0 || this.moments.lostPrecision)) this.rebuild(from, to);
  }

  private rebuild(from: number, to: number): void {
    this.moments = new SlidingCoMoments();
    for (let i = from; i < to; i++) {
      if (Number.isFinite(this.xs[i]) && Number.isFinite(this.ys[i])) this.moments.add(this.xs[i], this.ys[i]);
    }
  }

  get runningIsExact(): boolean {
    const { count } = this.moments;
    return this.infinities === 0 && count >= 2 && this.runOfX.length < count && this.runOfY.length < count;
  }
}

export interface RollingRisk {
  sharpe: number[];
  volatility: number[];
}

/** `rollingSharpe` and `rollingVolatility` of the same returns, in one pass. */
export function runningRollingRisk(
  returns: readonly number[],
  window: number,
  periodsPerYear: number,
  riskFree: PerPeriodRate = 0,
): RollingRisk {
  checkWindow(window);
  const n = returns.length;
  if (typeof riskFree !== 'number' && riskFree.length !== n) {
    throw new RangeError(`series lengths differ: ${n} and ${riskFree.length}`);
  }
  const sharpe = new Array<number>(n).fill(NaN);
  const volatility = new Array<number>(n).fill(NaN);
  // With no risk-free rate the excess returns are the returns: one set of moments serves both metrics.
  const excess = riskFree === 0 ? returns : subtract(returns, riskFree);
  const own = new WindowTracker(returns);
  const ofExcess = riskFree === 0 ? own : new WindowTracker(excess);
  const annualise = Math.sqrt(periodsPerYear);
  for (let end = 1; end <= n; end++) {
    const from = end - window;
    own.slide(from, end, window);
    if (ofExcess !== own) ofExcess.slide(from, end, window);
    if (from < 0) continue;
    volatility[end - 1] = own.runningIsExact
      ? own.moments.sampleStd() * annualise
      : annualVolatility(returns.slice(from, end), periodsPerYear);
    sharpe[end - 1] = ofExcess.runningIsExact
      ? (ofExcess.moments.mean / ofExcess.moments.sampleStd()) * annualise
      : sharpeRatio(
          returns.slice(from, end),
          typeof riskFree === 'number' ? riskFree : riskFree.slice(from, end),
          periodsPerYear,
        );
  }
  return { sharpe, volatility };
}

/** `rollingBeta` in one pass: running co-moments of the pairs where both sides are present. */
export function runningRollingBeta(returns: readonly number[], benchmark: readonly number[], window: number): number[] {
  checkWindow(window);
  if (returns.length !== benchmark.length) {
    throw new RangeError(`returns and benchmark differ in length (${returns.length} and ${benchmark.length})`);
  }
  const n = returns.length;
  const out = new Array<number>(n).fill(NaN);
  const pairs = new PairWindowTracker(returns, benchmark);
  for (let end = 1; end <= n; end++) {
    const from = end - window;
    pairs.slide(from, end, window);
    if (from < 0) continue;
    if (pairs.runningIsExact) {
      // Population moments, and a benchmark variance under 1e-30 counts as none, as in `beta`.
      const { count, coMoment, sumSquaresY } = pairs.moments;
      const variance = sumSquaresY / count;
      out[end - 1] = variance < 1e-30 ? NaN : coMoment / count / variance;
    } else out[end - 1] = beta(returns.slice(from, end), benchmark.slice(from, end));
  }
  return out;
}
