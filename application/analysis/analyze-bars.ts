/** The analysis behind `iby analyze`: indicators, risk and trend of one symbol's bars. No I/O. */
import type { RiskPriceField } from '../../contracts/analysis';
import type { PriceBar } from '../../contracts/prices';
import { adjustBars, type RecordedAction } from '../../domain/corporate-actions';
import { computeIndicator, type IndicatorOutput, type OhlcvArrays } from '../../domain/finance/indicators';
import { computeRisk, type DatedRates, type RiskReport, type RiskSeries } from '../../domain/finance/risk';
import { analyzeTrend, type TrendReport } from '../../domain/finance/trend';

export interface Analysis {
  symbol: string;
  periodsPerYear: number;
  dates: string[];
  /** The prices risk and return are computed on (see `riskSeries`). */
  riskPriceField: RiskPriceField;
  indicators: Record<string, IndicatorOutput>;
  risk: RiskReport;
  trend: TrendReport;
}

export interface AnalyzeOptions {
  indicators: readonly string[];
  periodsPerYear: number;
  benchmark?: readonly PriceBar[];
  /** Recorded splits and dividends of the symbol and of the benchmark, for their return series. */
  actions?: readonly RecordedAction[];
  benchmarkActions?: readonly RecordedAction[];
  /** Per-period risk-free rates of the bars' dates; a rate of 0 when absent. */
  riskFree?: DatedRates;
}

/** A missing value becomes NaN, which the indicators treat as a gap. (A loop: `Float64Array.from` with a mapping
 * function is several times slower, and this runs for five columns of every symbol.) */
function column(bars: readonly PriceBar[], pick: (bar: PriceBar) => number | null): Float64Array {
  const out = new Float64Array(bars.length);
  for (let i = 0; i < bars.length; i++) out[i] = pick(bars[i]) ?? NaN;
  return out;
}

export function ohlcvArrays(bars: readonly PriceBar[]): OhlcvArrays {
  return {
    open: column(bars, (b) => b.open),
    high: column(bars, (b) => b.high),
    low: column(bars, (b) => b.low),
    close: column(bars, (b) => b.close),
    volume: column(bars, (b) => b.volume),
  };
}

/**
 * The prices whose returns the risk metrics measure, the first that applies:
 * - `total_return`: a recorded dividend falls inside the bars, so the closes are back-adjusted for the recorded
 *   splits and dividends (a dividend counts in the return instead of showing as a fall);
 * - `adj_close`: every bar has the provider's split- and dividend-adjusted close;
 * - `split_adjusted`: a recorded split falls inside the bars (no dividends known), closes adjusted for splits;
 * - `close`: the closes as stored.
 * `bars` are ascending; back-adjusted prices are in terms of the last bar, which returns do not depend on.
 */
export function riskSeries(
  bars: readonly PriceBar[],
  actions: readonly RecordedAction[] = [],
): { series: RiskSeries; field: RiskPriceField } {
  const dates = bars.map((b) => b.date);
  const total = adjustBars(bars, actions, 'total');
  if (total.dividendsApplied)
    return { series: { dates, prices: total.bars.map((b) => b.close) }, field: 'total_return' };
  if (bars.length > 0 && bars.every((b) => b.adjClose !== null)) {
    return { series: { dates, prices: bars.map((b) => b.adjClose as number) }, field: 'adj_close' };
  }
  // Without a dividend applied the total-return series is the splits-adjusted one.
  if (total.factorsApplied > 0)
    return { series: { dates, prices: total.bars.map((b) => b.close) }, field: 'split_adjusted' };
  return { series: { dates, prices: bars.map((b) => b.close) }, field: 'close' };
}

export function analyzeBars(symbol: string, bars: readonly PriceBar[], options: AnalyzeOptions): Analysis {
  const arrays = ohlcvArrays(bars);
  const indicators: Record<string, IndicatorOutput> = {};
  for (const name of options.indicators) {
    indicators[name] = computeIndicator(name, arrays, { periodsPerYear: options.periodsPerYear });
  }
  const own = riskSeries(bars, options.actions);
  const dates = bars.map((b) => b.date);
  return {
    symbol,
    periodsPerYear: options.periodsPerYear,
    dates,
    riskPriceField: own.field,
    indicators,
    risk: computeRisk(own.series, {
      periodsPerYear: options.periodsPerYear,
      benchmark: options.benchmark ? riskSeries(options.benchmark, options.benchmarkActions).series : undefined,
      riskFree: options.riskFree,
    }),
    trend: analyzeTrend({ dates, closes: arrays.close, highs: arrays.high, lows: arrays.low }, options.periodsPerYear),
  };
}
