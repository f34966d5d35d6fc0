/**
 * What the charts of one symbol are drawn from: plain arrays, one value per bar (null for warm-up or a missing
 * value), so the same input can come from the CLI, an activity or, later, a browser that fetched it as JSON.
 */
export type MaybeNumber = number | null;

export interface BenchmarkCloses {
  symbol: string;
  dates: string[];
  close: number[];
}

export interface ChartSeries {
  symbol: string;
  /** ISO `YYYY-MM-DD`, ascending and unique; every array below has one value per date. */
  dates: string[];
  close: number[];
  volume: MaybeNumber[];
  sma50: MaybeNumber[];
  sma200: MaybeNumber[];
  bbUpper: MaybeNumber[];
  bbMiddle: MaybeNumber[];
  bbLower: MaybeNumber[];
  rsi14: MaybeNumber[];
  macd: MaybeNumber[];
  macdSignal: MaybeNumber[];
  macdHist: MaybeNumber[];
  /** Aligned to `dates` by date inside the charts; dates only one side has are left out of the comparison. */
  benchmark?: BenchmarkCloses | null;
}

export const CHART_NAMES = ['price', 'momentum', 'drawdown', 'relative', 'monthly-returns'] as const;
export type ChartName = (typeof CHART_NAMES)[number];

/** Titles for people; the names above are for keys, files and URLs. */
export const CHART_TITLES: Record<ChartName, string> = {
  price: 'Price, moving averages and Bollinger bands',
  momentum: 'Momentum: RSI (14) and MACD (12, 26, 9)',
  drawdown: 'Drawdown from the running high',
  relative: 'Cumulative return against the benchmark',
  'monthly-returns': 'Monthly returns',
};
