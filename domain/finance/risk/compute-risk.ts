/**
 * One call for the whole risk and performance report of a price or return series, optionally against a
 * benchmark. Series and benchmark are joined on their common dates before anything is computed.
 */
import { alpha, beta, correlation, excessSharpe, informationRatio, trackingError, treynorRatio } from './benchmark';
import { annualReturn, totalReturn } from './cumulative';
import {
  skewAndKurtosis,
  parametricConditionalValueAtRisk,
  parametricValueAtRisk,
  stabilityOfTimeseries,
  tailRatioOfSorted,
  valueAtRiskOfSorted,
  conditionalValueAtRiskOfSorted,
  winRate,
} from './distribution';
import { maxDrawdownEpisode } from './drawdown';
import { inferPeriodsPerYear } from './frequency';
import { aggregateReturns, bestAndWorst, bestAndWorstOf, monthlyReturnsTableOf } from './periodic';
import { annualVolatility, calmarRatio, downsideRisk, omegaRatio, sharpeRatio, sortinoRatio } from './ratios';
import { alignByDate, datedReturns, type DatedSeries } from './returns';
import { InsufficientDataError, MIN_RETURNS, type RiskOptions, type RiskReport, type RiskSeries } from './risk-report';
import { defaultRollingWindow } from './rolling';
import { present, sortedAscending } from './stats';
import { runningRollingBeta, runningRollingRisk } from './running-rolling';

interface Prepared {
  returns: DatedSeries;
  benchmark?: DatedSeries;
  /** Date of the wealth before the first return: the first price's date, unknown for return input. */
  startDate: string | null;
}

function asValues(series: RiskSeries): DatedSeries {
  return 'prices' in series
    ? { dates: series.dates, values: series.prices }
    : { dates: series.dates, values: series.returns };
}

function asReturns(series: RiskSeries): DatedSeries {
  return 'prices' in series ? datedReturns(asValues(series)) : asValues(series);
}

function prepare(series: RiskSeries, benchmark: RiskSeries | undefined): Prepared {
  const ownStart = (s: RiskSeries): string | null => ('prices' in s ? (s.dates[0] ?? null) : null);
  if (!benchmark) return { returns: asReturns(series), startDate: ownStart(series) };
  if ('prices' in series && 'prices' in benchmark) {
    // Join prices first so each return spans the same two dates on both sides.
    const joined = alignByDate(asValues(series), asValues(benchmark));
    return {
      returns: datedReturns({ dates: joined.dates, values: joined.a }),
      benchmark: datedReturns({ dates: joined.dates, values: joined.b }),
      startDate: joined.dates[0] ?? null,
    };
  }
  const joined = alignByDate(asReturns(series), asReturns(benchmark));
  return {
    returns: { dates: joined.dates, values: joined.a },
    benchmark: { dates: joined.dates, values: joined.b },
    startDate: null,
  };
}

export function computeRisk(series: RiskSeries, options: RiskOptions = {}): RiskReport {
  if (series.dates.length !== ('prices' in series ? series.prices : series.returns).length) {
    throw new RangeError('series dates and values differ in length');
  }
  const { returns, benchmark, startDate } = prepare(series, options.benchmark);
  const r = [...returns.values];
  const dates = [...returns.dates];
  if (r.length < MIN_RETURNS) {
    const scope = options.benchmark ? 'common dates with the benchmark' : 'bars';
    throw new InsufficientDataError(`too few ${scope}: ${r.length} returns, need at least ${MIN_RETURNS}`);
  }
  const periodsPerYear = options.periodsPerYear ?? inferPeriodsPerYear(startDate ? [startDate, ...dates] : dates);
  const riskFree = options.riskFree ?? 0;
  const window = options.rollingWindow ?? defaultRollingWindow(periodsPerYear);
  const sorted = sortedAscending(present(r));
  const shape = skewAndKurtosis(r);
  const byBar = bestAndWorstOf(r, dates);
  const monthly = aggregateReturns(r, dates, 'monthly');
  const byMonth = bestAndWorst(monthly);
  const byYear = bestAndWorst(aggregateReturns(r, dates, 'yearly'));

  const report: RiskReport = {
    periodsPerYear,
    observations: r.length,
    from: startDate ?? dates[0],
    to: dates[dates.length - 1],
    totalReturn: totalReturn(r),
    cagr: annualReturn(r, periodsPerYear),
    annualVolatility: annualVolatility(r, periodsPerYear),
    sharpe: sharpeRatio(r, riskFree, periodsPerYear),
    downsideRisk: downsideRisk(r, riskFree, periodsPerYear),
    sortino: sortinoRatio(r, riskFree, periodsPerYear),
    calmar: calmarRatio(r, periodsPerYear),
    maxDrawdown: maxDrawdownEpisode(r, dates, startDate),
    omega: omegaRatio(r, riskFree, 0, periodsPerYear),
    tailRatio: tailRatioOfSorted(sorted),
    stability: stabilityOfTimeseries(r),
    skew: shape.skew,
    kurtosis: shape.kurtosis,
    var95: valueAtRiskOfSorted(sorted, 0.05),
    cvar95: conditionalValueAtRiskOfSorted(sorted, 0.05),
    parametricVar95: parametricValueAtRisk(r, 0.05),
    parametricCvar95: parametricConditionalValueAtRisk(r, 0.05),
    winRate: winRate(r),
    bestDay: byBar.best,
    worstDay: byBar.worst,
    bestMonth: byMonth.best,
    worstMonth: byMonth.worst,
    bestYear: byYear.best,
    worstYear: byYear.worst,
    monthlyReturns: monthlyReturnsTableOf(monthly),
    rolling: { window, dates, ...runningRollingRisk(r, window, periodsPerYear, riskFree) },
  };
  if (benchmark) {
    const b = [...benchmark.values];
    report.rolling.beta = runningRollingBeta(r, b, window);
    // Each of these is needed twice below; rSquared is by definition the squared correlation.
    const slope = beta(r, b, riskFree);
    const rho = correlation(r, b);
    report.benchmark = {
      beta: slope,
      alpha: alpha(r, b, periodsPerYear, riskFree, slope),
      correlation: rho,
      rSquared: rho ** 2,
      excessSharpe: excessSharpe(r, b),
      informationRatio: informationRatio(r, b, periodsPerYear),
      treynor: treynorRatio(r, b, periodsPerYear, riskFree, slope),
      trackingError: trackingError(r, b, periodsPerYear),
    };
  }
  return report;
}
