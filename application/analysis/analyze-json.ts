/** The `--json` document of `iby analyze`: snake_case keys, one value per bar in every series, null for NaN. */
import type { AnalyzeJson, IndicatorSeriesJson, JsonNumber } from '../../contracts/analysis';
import type { IndicatorOutput } from '../../domain/finance/indicators';
import type { PeriodReturn, RiskReport } from '../../domain/finance/risk';
import type { TrendReport } from '../../domain/finance/trend';
import type { Analysis } from './analyze-bars';

/** JSON has no NaN or Infinity: an undefined metric is null. */
const num = (value: number | null | undefined): JsonNumber =>
  value !== null && value !== undefined && Number.isFinite(value) ? value : null;

/** A plain loop: `Array.from(values, num)` is five times slower on typed arrays, and this runs per series per symbol. */
function series(values: ArrayLike<number>): JsonNumber[] {
  const out = new Array<JsonNumber>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = num(values[i]);
  return out;
}

function indicatorJson(output: IndicatorOutput): IndicatorSeriesJson {
  if (output instanceof Float64Array) return series(output);
  return Object.fromEntries(Object.entries(output).map(([part, values]) => [part, series(values)]));
}

/** A series dated by returns, spread over every bar: null where a bar has no value (warm-up, no common date). */
function perBar(barDates: readonly string[], dates: readonly string[], values: readonly number[]): JsonNumber[] {
  const byDate = new Map(dates.map((date, i) => [date, values[i]]));
  return barDates.map((date) => num(byDate.get(date)));
}

const periodJson = (p: PeriodReturn | null): { period: string; return: JsonNumber } | null =>
  p === null ? null : { period: p.period, return: num(p.value) };

function riskJson(risk: RiskReport, barDates: readonly string[], priceField: string): Record<string, unknown> {
  const dd = risk.maxDrawdown;
  const json: Record<string, unknown> = {
    price_field: priceField,
    observations: risk.observations,
    from: risk.from,
    to: risk.to,
    total_return: num(risk.totalReturn),
    cagr: num(risk.cagr),
    annual_volatility: num(risk.annualVolatility),
    sharpe: num(risk.sharpe),
    downside_risk: num(risk.downsideRisk),
    sortino: num(risk.sortino),
    calmar: num(risk.calmar),
    max_drawdown: num(dd.depth),
    max_drawdown_peak: dd.peakDate,
    max_drawdown_trough: dd.troughDate,
    max_drawdown_recovery: dd.recoveryDate,
    max_drawdown_duration_bars: dd.durationPeriods,
    max_drawdown_duration_days: dd.durationDays,
    omega: num(risk.omega),
    tail_ratio: num(risk.tailRatio),
    stability: num(risk.stability),
    skew: num(risk.skew),
    kurtosis: num(risk.kurtosis),
    var_95: num(risk.var95),
    cvar_95: num(risk.cvar95),
    var_95_parametric: num(risk.parametricVar95),
    cvar_95_parametric: num(risk.parametricCvar95),
    win_rate: num(risk.winRate),
    best_day: periodJson(risk.bestDay),
    worst_day: periodJson(risk.worstDay),
    best_month: periodJson(risk.bestMonth),
    worst_month: periodJson(risk.worstMonth),
    best_year: periodJson(risk.bestYear),
    worst_year: periodJson(risk.worstYear),
  };
  const b = risk.benchmark;
  if (b) {
    Object.assign(json, {
      beta: num(b.beta),
      alpha: num(b.alpha),
      correlation: num(b.correlation),
      r_squared: num(b.rSquared),
      excess_sharpe: num(b.excessSharpe),
      information_ratio: num(b.informationRatio),
      treynor: num(b.treynor),
      tracking_error: num(b.trackingError),
    });
  }
  const { rolling } = risk;
  Object.assign(json, {
    monthly_returns: risk.monthlyReturns.map((row) => ({
      year: row.year,
      months: row.months.map(num),
      total: num(row.total),
    })),
    rolling_window: rolling.window,
    rolling_sharpe: perBar(barDates, rolling.dates, rolling.sharpe),
    rolling_volatility: perBar(barDates, rolling.dates, rolling.volatility),
    ...(rolling.beta ? { rolling_beta: perBar(barDates, rolling.dates, rolling.beta) } : {}),
  });
  return json;
}

function trendJson(trend: TrendReport): Record<string, unknown> {
  const ma = trend.movingAverages;
  return {
    label: trend.label,
    rule: trend.rule,
    annualized_log_slope: num(trend.logTrend.annualizedSlope),
    r_squared: num(trend.logTrend.rSquared),
    regression_bars: trend.logTrend.bars,
    sma_50: num(ma.fast),
    sma_200: num(ma.slow),
    close_vs_sma_50: ma.closeVsFast,
    close_vs_sma_200: ma.closeVsSlow,
    sma_regime: ma.regime,
    last_cross: ma.lastCross,
    high_52w: num(trend.range.high),
    low_52w: num(trend.range.low),
    from_52w_high: num(trend.range.fromHigh),
    from_52w_low: num(trend.range.fromLow),
  };
}

export function toAnalyzeJson(analysis: Analysis): AnalyzeJson {
  const { dates } = analysis;
  return {
    symbol: analysis.symbol,
    periodsPerYear: analysis.periodsPerYear,
    bars: dates.length,
    from: dates[0],
    to: dates[dates.length - 1],
    dates,
    indicators: Object.fromEntries(
      Object.entries(analysis.indicators).map(([name, out]) => [name, indicatorJson(out)]),
    ),
    risk: riskJson(analysis.risk, dates, analysis.riskPriceField),
    trend: trendJson(analysis.trend),
  };
}
