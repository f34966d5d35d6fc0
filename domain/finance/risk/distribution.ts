/**
 * Shape and tails of the return distribution. Missing returns (NaN) are skipped. Losses are negative numbers:
 * a 95% VaR of -0.03 means a period worse than -3% happens about 1 time in 20.
 */
import { linearFitOnIndex, mean, percentileOfSorted, present, sortedAscending, std } from './stats';
import { normalPdf, normalQuantile } from './normal';

/** Historical VaR: the `cutoff` quantile of the returns (numpy's linear interpolation), as empyrical. */
export function valueAtRisk(returns: readonly number[], cutoff = 0.05): number {
  return valueAtRiskOfSorted(sortedAscending(present(returns)), cutoff);
}

/** `valueAtRisk` of the present returns sorted ascending: one sort serves VaR, CVaR and the tail ratio. */
export function valueAtRiskOfSorted(sorted: Float64Array, cutoff = 0.05): number {
  return percentileOfSorted(sorted, 100 * cutoff);
}

/**
 * Historical CVaR (expected shortfall): the mean of the worst `floor((n - 1) * cutoff) + 1` returns, empyrical's
 * `conditional_value_at_risk`.
 */
export function conditionalValueAtRisk(returns: readonly number[], cutoff = 0.05): number {
  return conditionalValueAtRiskOfSorted(sortedAscending(present(returns)), cutoff);
}

export function conditionalValueAtRiskOfSorted(sorted: Float64Array, cutoff = 0.05): number {
  if (sorted.length === 0) return NaN;
  const cutoffIndex = Math.floor((sorted.length - 1) * cutoff);
  return mean(Array.from(sorted.subarray(0, cutoffIndex + 1)));
}

/** Gaussian VaR: `mean + z(cutoff) * std` with the sample standard deviation. */
export function parametricValueAtRisk(returns: readonly number[], cutoff = 0.05): number {
  const values = present(returns);
  return parametricVarAndCvar(mean(values), std(values, 1), cutoff).valueAtRisk;
}

/** Gaussian CVaR: the mean of a normal below its `cutoff` quantile, `mean - std * pdf(z) / cutoff`. */
export function parametricConditionalValueAtRisk(returns: readonly number[], cutoff = 0.05): number {
  const values = present(returns);
  return parametricVarAndCvar(mean(values), std(values, 1), cutoff).conditionalValueAtRisk;
}

/** Both Gaussian measures from the mean and sample standard deviation of the present returns. */
export function parametricVarAndCvar(
  presentMean: number,
  presentStd: number,
  cutoff: number,
): { valueAtRisk: number; conditionalValueAtRisk: number } {
  const z = normalQuantile(cutoff);
  return {
    valueAtRisk: presentMean + z * presentStd,
    conditionalValueAtRisk: presentMean - (presentStd * normalPdf(z)) / cutoff,
  };
}

/** |95th percentile| / |5th percentile|: above 1 when the right tail is fatter than the left. */
export function tailRatio(returns: readonly number[]): number {
  return tailRatioOfSorted(sortedAscending(present(returns)));
}

export function tailRatioOfSorted(sorted: Float64Array): number {
  if (sorted.length === 0) return NaN;
  return Math.abs(percentileOfSorted(sorted, 95)) / Math.abs(percentileOfSorted(sorted, 5));
}

/** Biased (population) central moment of order k, as scipy.stats computes skew and kurtosis by default. */
function centralMoment(values: readonly number[], k: number): number {
  const m = mean(values);
  return mean(values.map((v) => (v - m) ** k));
}

/** Sample skewness, scipy's default (biased, `m3 / m2^1.5`). */
export function skewness(returns: readonly number[]): number {
  const values = present(returns);
  if (values.length < 2) return NaN;
  return centralMoment(values, 3) / centralMoment(values, 2) ** 1.5;
}

/** Excess kurtosis, scipy's default (Fisher, biased, `m4 / m2^2 - 3`): 0 for a normal distribution. */
export function excessKurtosis(returns: readonly number[]): number {
  const values = present(returns);
  if (values.length < 2) return NaN;
  return centralMoment(values, 4) / centralMoment(values, 2) ** 2 - 3;
}

/**
 * `skewness` and `excessKurtosis` together: the same moments, each computed once (the mean and the second moment
 * serve both). Powers are products here, not `**`: `Math.pow` costs ~20 ns a call, most of this function's time.
 * d * d is exactly d ** 2; the third and fourth powers may differ from `**` in the last bit, which moves the moments
 * by about 1e-16 relative (skewness and kurtosis themselves keep the `**` of the definitions).
 */
export function skewAndKurtosis(returns: readonly number[]): { skew: number; kurtosis: number } {
  const values = present(returns);
  return skewAndKurtosisOfPresent(values, mean(values));
}

/**
 * `skewAndKurtosis` of values that are all present, given their mean. Each moment is `mean` of the powers of the
 * deviations, whose two passes (sum, then correction) recompute the powers instead of storing three arrays of them:
 * the same operations, so the same bits.
 */
export function skewAndKurtosisOfPresent(values: ArrayLike<number>, m: number): { skew: number; kurtosis: number } {
  const n = values.length;
  if (n < 2) return { skew: NaN, kurtosis: NaN };
  let sum2 = 0;
  let sum3 = 0;
  let sum4 = 0;
  for (let i = 0; i < n; i++) {
    const deviation = values[i] - m;
    const square = deviation * deviation;
    sum2 += square;
    sum3 += square * deviation;
    sum4 += square * square;
  }
  const first2 = sum2 / n;
  const first3 = sum3 / n;
  const first4 = sum4 / n;
  let residual2 = 0;
  let residual3 = 0;
  let residual4 = 0;
  for (let i = 0; i < n; i++) {
    const deviation = values[i] - m;
    const square = deviation * deviation;
    residual2 += square - first2;
    residual3 += square * deviation - first3;
    residual4 += square * square - first4;
  }
  const m2 = first2 + residual2 / n;
  const m3 = first3 + residual3 / n;
  const m4 = first4 + residual4 / n;
  return { skew: m3 / m2 ** 1.5, kurtosis: m4 / m2 ** 2 - 3 };
}

/** Share of the periods with a positive return (a flat period is not a win). */
export function winRate(returns: readonly number[]): number {
  return winRateOfPresent(present(returns));
}

export function winRateOfPresent(values: ArrayLike<number>): number {
  if (values.length === 0) return NaN;
  let wins = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) wins++;
  return wins / values.length;
}

/** R² of a straight line through the cumulative log returns: 1 for perfectly steady compounding. */
export function stabilityOfTimeseries(returns: readonly number[]): number {
  if (returns.length < 2) return NaN;
  return stabilityOfPresent(present(returns));
}

/**
 * `stabilityOfTimeseries` of the present returns: the fit of `linearFit` against x = 0, 1, 2, … without building
 * x (its mean is (n - 1) / 2 exactly, as `mean` computes it for integers) and without a copy of the path.
 */
export function stabilityOfPresent(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return NaN;
  const path = new Float64Array(n);
  let cumulative = 0;
  for (let i = 0; i < n; i++) path[i] = cumulative += Math.log1p(values[i]);
  return linearFitOnIndex(path).rSquared;
}
