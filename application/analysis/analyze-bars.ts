/** The analysis behind `iby analyze`: indicators, risk and trend of one symbol's bars. No I/O. */
import type { PriceBar } from '../../contracts/prices';
import { computeIndicator, type IndicatorOutput, type OhlcvArrays } from '../../domain/finance/indicators';
import { computeRisk, type RiskReport, type RiskSeries } from '../../domain/finance/risk';
import { analyzeTrend, type TrendReport } from '../../domain/finance/trend';

export interface Analysis {
  symbol: string;
  periodsPerYear: number;
  dates: string[];
  /** `adj_close` when every bar has one (dividends count in the return), else `close`. */
  riskPriceField: 'adj_close' | 'close';
  indicators: Record<string, IndicatorOutput>;
  risk: RiskReport;
  trend: TrendReport;
}

export interface AnalyzeOptions {
  indicators: readonly string[];
  periodsPerYear: number;
  benchmark?: readonly PriceBar[];
}

/** A missing value becomes NaN, which the indicators treat as a gap. */
const column = (bars: readonly PriceBar[], pick: (bar: PriceBar) => number | null): Float64Array =>
  Float64Array.from(bars, (bar) => pick(bar) ?? NaN);

export function ohlcvArrays(bars: readonly PriceBar[]): OhlcvArrays {
  return {
    open: column(bars, (b) => b.open),
    high: column(bars, (b) => b.high),
    low: column(bars, (b) => b.low),
    close: column(bars, (b) => b.close),
    volume: column(bars, (b) => b.volume),
  };
}

/** Total-return prices where the file has them: a split- and dividend-adjusted close. */
export function riskSeries(bars: readonly PriceBar[]): { series: RiskSeries; field: 'adj_close' | 'close' } {
  const adjusted = bars.length > 0 && bars.every((b) => b.adjClose !== null);
  return {
    series: { dates: bars.map((b) => b.date), prices: bars.map((b) => (adjusted ? (b.adjClose as number) : b.close)) },
    field: adjusted ? 'adj_close' : 'close',
  };
}

export function analyzeBars(symbol: string, bars: readonly PriceBar[], options: AnalyzeOptions): Analysis {
  const arrays = ohlcvArrays(bars);
  const indicators: Record<string, IndicatorOutput> = {};
  for (const name of options.indicators) {
    indicators[name] = computeIndicator(name, arrays, { periodsPerYear: options.periodsPerYear });
  }
  const own = riskSeries(bars);
  const dates = bars.map((b) => b.date);
  return {
    symbol,
    periodsPerYear: options.periodsPerYear,
    dates,
    riskPriceField: own.field,
    indicators,
    risk: computeRisk(own.series, {
      periodsPerYear: options.periodsPerYear,
      benchmark: options.benchmark ? riskSeries(options.benchmark).series : undefined,
    }),
    trend: analyzeTrend({ dates, closes: arrays.close, highs: arrays.high, lows: arrays.low }, options.periodsPerYear),
  };
}
