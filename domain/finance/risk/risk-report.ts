/** What `computeRisk` takes and gives. */
import type { DrawdownEpisode } from './drawdown';
import type { MonthlyReturnsRow, PeriodReturn } from './periodic';

/** Prices (one per date) or simple returns (each dated by the period it ends). Dates ascending, ISO. */
export type RiskSeries =
  { dates: readonly string[]; prices: readonly number[] } | { dates: readonly string[]; returns: readonly number[] };

export interface RiskOptions {
  benchmark?: RiskSeries;
  /** Inferred from the median spacing of the dates when absent. */
  periodsPerYear?: number;
  /**
   * Per-period risk-free rate (0.0001 a day, not 2.5% a year): one rate for every period, or a rate for each date
   * (at least every date a return ends on; `perPeriodRiskFree` in domain/macro builds one from a yield series).
   * 0 when absent.
   */
  riskFree?: number | DatedRates;
  /** Trailing window of the rolling metrics, in periods; half a year when absent. */
  rollingWindow?: number;
}

/** Per-period rates by date, ascending ISO dates. */
export interface DatedRates {
  dates: readonly string[];
  rates: readonly number[];
}

export interface BenchmarkRelative {
  beta: number;
  alpha: number;
  correlation: number;
  rSquared: number;
  excessSharpe: number;
  informationRatio: number;
  treynor: number;
  trackingError: number;
}

export interface RollingMetrics {
  window: number;
  /** The date of each value: the dates of the returns. */
  dates: string[];
  sharpe: number[];
  volatility: number[];
  /** Only with a benchmark. */
  beta?: number[];
}

export interface RiskReport {
  periodsPerYear: number;
  /** Number of returns after alignment. */
  observations: number;
  /** First and last date of the (aligned) series. */
  from: string;
  to: string;
  totalReturn: number;
  cagr: number;
  annualVolatility: number;
  sharpe: number;
  downsideRisk: number;
  sortino: number;
  calmar: number;
  maxDrawdown: DrawdownEpisode;
  omega: number;
  tailRatio: number;
  stability: number;
  skew: number;
  kurtosis: number;
  var95: number;
  cvar95: number;
  parametricVar95: number;
  parametricCvar95: number;
  winRate: number;
  bestDay: PeriodReturn | null;
  worstDay: PeriodReturn | null;
  bestMonth: PeriodReturn | null;
  worstMonth: PeriodReturn | null;
  bestYear: PeriodReturn | null;
  worstYear: PeriodReturn | null;
  monthlyReturns: MonthlyReturnsRow[];
  rolling: RollingMetrics;
  benchmark?: BenchmarkRelative;
}

/** Too little data for the metrics to mean anything; the message says how much there was. */
export class InsufficientDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InsufficientDataError';
  }
}

/** The fewest returns for which a sample standard deviation, hence every ratio, exists. */
export const MIN_RETURNS = 2;
