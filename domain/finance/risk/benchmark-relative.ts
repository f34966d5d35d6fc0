/**
 * All the benchmark metrics of `computeRisk` from one set of complete pairs, instead of each metric of
 * benchmark.ts subtracting, pairing and averaging the same series again. Each value is computed with the same
 * operations in the same order as the function of benchmark.ts it stands for, so it is equal to the bit
 * (benchmark-relative.test.ts checks it on random series with gaps).
 */
import { mean, stdAround } from './stats';
import type { PerPeriodRate } from './ratios';
import type { BenchmarkRelative } from './risk-report';

/** The pairs (x - overX, y - overY) where both are present, in order; `completePairs` of the shifted series. */
interface Pairs {
  x: Float64Array;
  y: Float64Array;
}

function completeShiftedPairs(
  xs: readonly number[],
  ys: readonly number[],
  overX: PerPeriodRate,
  overY: PerPeriodRate,
): Pairs {
  const x = new Float64Array(xs.length);
  const y = new Float64Array(xs.length);
  let count = 0;
  for (let i = 0; i < xs.length; i++) {
    const a = xs[i] - (typeof overX === 'number' ? overX : overX[i]);
    const b = ys[i] - (typeof overY === 'number' ? overY : overY[i]);
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    x[count] = a;
    y[count++] = b;
  }
  return { x: x.subarray(0, count), y: y.subarray(0, count) };
}

/** Means and sums of squared and crossed deviations: what `beta` and `correlation` both reduce the pairs to. */
interface CoMoments {
  count: number;
  meanX: number;
  meanY: number;
  sxy: number;
  sxx: number;
  syy: number;
}

function coMomentsOf({ x, y }: Pairs): CoMoments {
  const meanX = mean(x);
  const meanY = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - meanX) * (y[i] - meanY);
    sxx += (x[i] - meanX) ** 2;
    syy += (y[i] - meanY) ** 2;
  }
  return { count: x.length, meanX, meanY, sxy, sxx, syy };
}

function betaOf({ count, sxy, syy }: CoMoments): number {
  if (count < 2) return NaN;
  const variance = syy / count;
  return variance < 1e-30 ? NaN : sxy / count / variance;
}

function correlationOf({ count, sxy, sxx, syy }: CoMoments): number {
  if (count < 2) return NaN;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** `mean(x - slope * y)`: `mean`'s two passes over differences recomputed rather than stored. */
function meanResidual({ x, y }: Pairs, slope: number): number {
  const n = x.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += x[i] - slope * y[i];
  const first = sum / n;
  let residual = 0;
  for (let i = 0; i < n; i++) residual += x[i] - slope * y[i] - first;
  return first + residual / n;
}

/** The benchmark block of `computeRisk`: returns and benchmark aligned, of equal length. */
export function benchmarkRelative(
  returns: readonly number[],
  benchmark: readonly number[],
  periodsPerYear: number,
  riskFree: PerPeriodRate,
): BenchmarkRelative {
  if (typeof riskFree !== 'number' && riskFree.length !== returns.length) {
    throw new RangeError(`series lengths differ: ${returns.length} and ${riskFree.length}`);
  }
  // `x - 0` is `x` to the bit, so without a risk-free rate one set of pairs serves every metric.
  const raw = completeShiftedPairs(returns, benchmark, 0, 0);
  const excess = riskFree === 0 ? raw : completeShiftedPairs(returns, benchmark, riskFree, riskFree);
  const ofExcess = coMomentsOf(excess);
  const ofRaw = excess === raw ? ofExcess : coMomentsOf(raw);
  const slope = betaOf(ofExcess);
  const rho = correlationOf(ofRaw);
  // Treynor's numerator pairs the excess returns with the benchmark itself.
  const treynorMean = riskFree === 0 ? ofRaw.meanX : mean(completeShiftedPairs(returns, benchmark, riskFree, 0).x);

  const activeReturns = activeOf(returns, benchmark);
  const activeMean = mean(activeReturns);
  const activeStd = stdAround(activeReturns, activeMean, 1);
  const excessSharpe = returns.length < 2 ? NaN : activeMean / (Number.isNaN(activeStd) ? 0 : activeStd);
  // `trackingError` takes the differences of the complete pairs; they are the present active returns unless a
  // pair of equal infinities made a NaN difference, and then its standard deviation is NaN.
  const trackingStd = raw.x.length === activeReturns.length ? activeStd : NaN;
  return {
    beta: slope,
    alpha: (1 + meanResidual(excess, slope)) ** periodsPerYear - 1,
    correlation: rho,
    rSquared: rho ** 2,
    excessSharpe,
    informationRatio: excessSharpe * Math.sqrt(periodsPerYear),
    treynor: (treynorMean * periodsPerYear) / slope,
    trackingError: trackingStd * Math.sqrt(periodsPerYear),
  };
}

/** The present values of `returns - benchmark`, the active returns `excessSharpe` reads. */
function activeOf(returns: readonly number[], benchmark: readonly number[]): Float64Array {
  const out = new Float64Array(returns.length);
  let count = 0;
  for (let i = 0; i < returns.length; i++) {
    const d = returns[i] - benchmark[i];
    if (!Number.isNaN(d)) out[count++] = d;
  }
  return out.subarray(0, count);
}
