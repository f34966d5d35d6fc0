/**
 * One call for the whole risk and performance report of a price or return series, optionally against a
 * benchmark. Series and benchmark are joined on their common dates before anything is computed.
 */
import { benchmarkRelative } from './benchmark-relative';
import { annualReturnOfWealth } from './cumulative';
import { parametricVarAndCvar, skewAndKurtosisOfPresent, stabilityOfPresent, winRateOfPresent } from './distribution';
import { maxDrawdownEpisodeOf, scanWealth } from './drawdown';
import { inferPeriodsPerYear } from './frequency';
import { aggregateReturns, bestAndWorst, bestAndWorstOf, monthlyReturnsTableOf } from './periodic';
import { calmarOf, downsideRiskOfPresent, omegaRatio } from './ratios';
import { alignByDate, alignedReturns, datedReturns, type DatedSeries } from './returns';
import {
  InsufficientDataError,
  MIN_RETURNS,
  type DatedRates,
  type RiskOptions,
  type RiskReport,
  type RiskSeries,
} from './risk-report';
import type { PerPeriodRate } from './ratios';
import { defaultRollingWindow } from './rolling';
import { mean, presentExcess, stdAround } from './stats';
import { runningRollingBeta, runningRollingRisk } from './running-rolling';
import { tailQuantiles } from './tail-quantiles';

/** The aligned returns, owned by the report (nothing here aliases the caller's arrays). */
interface Prepared {
  dates: string[];
  returns: readonly number[];
  benchmark?: readonly number[];
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
  if (!benchmark) {
    if (!('prices' in series)) return { dates: [...series.dates], returns: series.returns, startDate: null };
    const own = datedReturns(asValues(series));
    return { dates: [...own.dates], returns: own.values, startDate: series.dates[0] ?? null };
  }
  if ('prices' in series && 'prices' in benchmark) {
    // Join prices first so each return spans the same two dates on both sides.
    const joined = alignedReturns(asValues(series), asValues(benchmark));
    return { dates: joined.dates, returns: joined.a, benchmark: joined.b, startDate: joined.start };
  }
  const joined = alignByDate(asReturns(series), asReturns(benchmark));
  return { dates: joined.dates, returns: joined.a, benchmark: joined.b, startDate: null };
}

/**
 * Every full-period metric reads the same few things: the present returns with their mean and sample standard
 * deviation, the present excess returns over the risk-free rate with theirs, and one walk along the wealth path.
 * Each is computed once here and handed to the metrics, which equal the public one-metric functions to the bit.
 */
export function computeRisk(series: RiskSeries, options: RiskOptions = {}): RiskReport {
  if (series.dates.length !== ('prices' in series ? series.prices : series.returns).length) {
    throw new RangeError('series dates and values differ in length');
  }
  const { dates, returns: r, benchmark, startDate } = prepare(series, options.benchmark);
  if (r.length < MIN_RETURNS) {
    const scope = options.benchmark ? 'common dates with the benchmark' : 'bars';
    throw new InsufficientDataError(`too few ${scope}: ${r.length} returns, need at least ${MIN_RETURNS}`);
  }
  const periodsPerYear = options.periodsPerYear ?? inferPeriodsPerYear(startDate ? [startDate, ...dates] : dates);
  const riskFree = ratesOn(options.riskFree ?? 0, dates);
  const window = options.rollingWindow ?? defaultRollingWindow(periodsPerYear);
  const annualise = Math.sqrt(periodsPerYear);

  const present = presentExcess(r, 0);
  const presentMean = mean(present);
  const presentStd = stdAround(present, presentMean, 1);
  const excess = riskFree === 0 ? present : presentExcess(r, riskFree);
  const excessMean = excess === present ? presentMean : mean(excess);
  const excessStd = excess === present ? presentStd : stdAround(excess, excessMean, 1);
  const downsideRisk = downsideRiskOfPresent(excess, periodsPerYear);
  const wealth = scanWealth(r);
  const finalWealth = wealth.path[r.length];
  const cagr = annualReturnOfWealth(finalWealth, r.length, periodsPerYear);
  const tails = tailQuantiles(present, 0.05);
  const parametric = parametricVarAndCvar(presentMean, presentStd, 0.05);
  const shape = skewAndKurtosisOfPresent(present, presentMean);
  const byBar = bestAndWorstOf(r, dates);
  const monthly = aggregateReturns(r, dates, 'monthly');
  const byMonth = bestAndWorst(monthly);
  const byYear = bestAndWorst(aggregateReturns(r, dates, 'yearly'));

  const report: RiskReport = {
    periodsPerYear,
    observations: r.length,
    from: startDate ?? dates[0],
    to: dates[dates.length - 1],
    totalReturn: finalWealth - 1,
    cagr,
    annualVolatility: presentStd * annualise,
    sharpe: (excessMean / excessStd) * annualise,
    downsideRisk,
    sortino: (excessMean * periodsPerYear) / downsideRisk,
    calmar: calmarOf(cagr, wealth.deepest),
    maxDrawdown: maxDrawdownEpisodeOf(wealth, dates, startDate),
    omega: omegaRatio(r, riskFree, 0, periodsPerYear),
    tailRatio: tails.tailRatio,
    stability: stabilityOfPresent(present),
    skew: shape.skew,
    kurtosis: shape.kurtosis,
    var95: tails.valueAtRisk,
    cvar95: tails.conditionalValueAtRisk,
    parametricVar95: parametric.valueAtRisk,
    parametricCvar95: parametric.conditionalValueAtRisk,
    winRate: winRateOfPresent(present),
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
    report.rolling.beta = runningRollingBeta(r, benchmark, window);
    report.benchmark = benchmarkRelative(r, benchmark, periodsPerYear, riskFree);
  }
  return report;
}

/** The rate of each return's date; a dated series must cover every one of them. */
function ratesOn(riskFree: number | DatedRates, dates: readonly string[]): PerPeriodRate {
  if (typeof riskFree === 'number') return riskFree;
  if (riskFree.dates.length !== riskFree.rates.length)
    throw new RangeError('risk-free dates and rates differ in length');
  const byDate = new Map(riskFree.dates.map((date, i) => [date, riskFree.rates[i]]));
  return dates.map((date) => {
    const rate = byDate.get(date);
    if (rate === undefined) throw new RangeError(`the risk-free rates have no rate for ${date}`);
    return rate;
  });
}
