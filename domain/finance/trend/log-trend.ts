import { linearFit } from '../risk/stats';

export interface LogTrend {
  /** Slope of ln(close) per bar × bars per year: 0.10 ≈ growing about 10% a year, continuously compounded. */
  annualizedSlope: number;
  /** How much of the variation of ln(close) the straight line explains: 1 for perfectly steady growth. */
  rSquared: number;
  /** Bars in the fit. */
  bars: number;
}

/** Least-squares line through ln(close) over the last `lookback` bars (all bars when there are fewer). */
export function logTrend(closes: ArrayLike<number>, periodsPerYear: number, lookback = periodsPerYear): LogTrend {
  const from = Math.max(0, closes.length - lookback);
  const x: number[] = [];
  const y: number[] = [];
  for (let i = from; i < closes.length; i++) {
    if (!(closes[i] > 0)) continue;
    x.push(i);
    y.push(Math.log(closes[i]));
  }
  const fit = linearFit(x, y);
  return { annualizedSlope: fit.slope * periodsPerYear, rSquared: fit.rSquared, bars: x.length };
}
