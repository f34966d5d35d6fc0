/**
 * Numeric building blocks shared by the metrics. Missing observations are NaN and are skipped, as numpy's
 * `nanmean` / `nanstd` skip them, because that is the convention every empyrical reference value assumes.
 */

/** The observations that are not NaN, in order. */
export function present(values: readonly number[]): number[] {
  return values.filter((v) => !Number.isNaN(v));
}

/**
 * Mean with one correction pass: a constant series then has exactly its constant as mean, so its deviations are
 * exactly 0 and a zero-variance series gets an infinite (not a huge finite) Sharpe ratio, as in numpy.
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  // Indexed loops, not for-of: this runs on arrays of every elements kind, where the iterator protocol stops
  // being inlined and costs ~50x. Same additions in the same order, so the same result to the bit.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i];
  const first = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += values[i] - first;
  return first + residual / n;
}

/**
 * The present values of `values - over`, in order, in a typed array: the sample that every full-period metric of
 * `computeRisk` reads, built once instead of once per metric. `x - 0` is `x` to the bit, so `over = 0` gives the
 * present values themselves.
 */
export function presentExcess(values: ArrayLike<number>, over: number | ArrayLike<number>): Float64Array {
  if (typeof over !== 'number' && over.length !== values.length) {
    throw new RangeError(`series lengths differ: ${values.length} and ${over.length}`);
  }
  const out = new Float64Array(values.length);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] - (typeof over === 'number' ? over : over[i]);
    if (!Number.isNaN(x)) out[count++] = x;
  }
  return out.subarray(0, count);
}

export function nanMean(values: readonly number[]): number {
  return mean(present(values));
}

/** Standard deviation with `ddof` degrees of freedom removed (1 = sample, 0 = population); NaN when n <= ddof. */
export function std(values: ArrayLike<number>, ddof = 1): number {
  return stdAround(values, mean(values), ddof);
}

/** `std` given the mean of the same values, for a caller that needs the mean too. */
export function stdAround(values: ArrayLike<number>, m: number, ddof = 1): number {
  const n = values.length;
  if (n - ddof <= 0) return NaN;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - m) ** 2;
  return Math.sqrt(squares / (n - ddof));
}

export function nanStd(values: readonly number[], ddof = 1): number {
  return std(present(values), ddof);
}

/** numpy's default `percentile` (linear interpolation between closest ranks); `q` in [0, 100]. */
export function percentile(values: readonly number[], q: number): number {
  return percentileOfSorted(sortedAscending(values), q);
}

/** A sorted copy. A typed array sorts numerically in native code, several times faster than a comparator. */
export function sortedAscending(values: readonly number[]): Float64Array {
  // The constructor copies an array directly; `Float64Array.from` walks it through the iterator protocol.
  return new Float64Array(values).sort();
}

/** `percentile` of values already sorted ascending, so several quantiles of one sample need one sort. */
export function percentileOfSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = (q / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
}

/** Elementwise `a - b`, where `b` is a scalar or a series of the same length (empyrical's `_adjust_returns`). */
export function subtract(a: readonly number[], b: number | readonly number[]): number[] {
  if (typeof b === 'number') return b === 0 ? [...a] : a.map((v) => v - b);
  if (b.length !== a.length) throw new RangeError(`series lengths differ: ${a.length} and ${b.length}`);
  return a.map((v, i) => v - b[i]);
}

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Coefficient of determination; 1 for a perfect fit, 0 when y is constant (as scipy's `linregress`). */
  rSquared: number;
}

/** Ordinary least squares of y on x. */
export function linearFit(x: readonly number[], y: readonly number[]): LinearFit {
  if (x.length < 2 || y.length !== x.length) return { slope: NaN, intercept: NaN, rSquared: NaN };
  return linearFitAround(x, mean(x), y);
}

/** `linearFit` of y on its index 0, 1, 2, …, without an array of indices: x[i] is i. */
export function linearFitOnIndex(y: ArrayLike<number>): LinearFit {
  const n = y.length;
  if (n < 2) return { slope: NaN, intercept: NaN, rSquared: NaN };
  // `mean` of the indices, step for step.
  let sum = 0;
  for (let i = 0; i < n; i++) sum += i;
  const first = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += i - first;
  return linearFitAround(null, first + residual / n, y);
}

/** The fit given x's mean; `x` null stands for the indices. */
function linearFitAround(x: ArrayLike<number> | null, mx: number, y: ArrayLike<number>): LinearFit {
  const n = y.length;
  const my = mean(y);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x === null ? i : x[i]) - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const slope = sxy / sxx;
  // scipy reports r = 0 when y has no variance (nothing to explain); the clamp absorbs rounding above 1.
  const rSquared = syy === 0 ? 0 : Math.min(1, (sxy * sxy) / (sxx * syy));
  return { slope, intercept: my - slope * mx, rSquared };
}
