/**
 * Look and layout shared by the five charts. Options only, no rendering and no Node imports: a browser dashboard
 * can import these modules unchanged and hand the options to `echarts.init(el).setOption(...)`.
 */
import type { EChartsOption } from 'echarts';
import type { MaybeNumber } from '../chart-series';

export type { EChartsOption };

/** A chart's options with the size it is drawn at by the server (a browser may resize it). */
export interface ChartSpec {
  option: EChartsOption;
  width: number;
  height: number;
}

export const CHART_WIDTH = 960;

export const FONT = "-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

export const COLORS = {
  ink: '#1f2937',
  muted: '#6b7280',
  grid: '#e5e7eb',
  price: '#1d4ed8',
  sma50: '#f59e0b',
  sma200: '#7c3aed',
  band: 'rgba(59, 130, 246, 0.12)',
  bandEdge: 'rgba(59, 130, 246, 0.45)',
  volume: '#9ca3af',
  up: '#16a34a',
  down: '#dc2626',
  benchmark: '#6b7280',
  excess: '#0891b2',
  rsi: '#7c3aed',
  macd: '#0f172a',
} as const;

/**
 * Lines over more bars than twice the plot width are thinned with LTTB (the shape survives, the SVG stays
 * small); up to that every bar is drawn.
 */
export const SAMPLE_ABOVE = CHART_WIDTH * 2;

/**
 * A series' values as ECharts data: flat `[bar index, value]` pairs in a typed array (NaN where there is no value),
 * the bar index being the slot on the category date axis. ECharts copies a typed array straight into its store, where
 * a plain array first goes through a backward-compatibility pass over every item: a sixth of a chart's drawing time.
 * `include` leaves out the bars it refuses, so a series can draw a subset of the dates.
 */
export function indexed(
  values: readonly MaybeNumber[],
  include: (value: MaybeNumber) => boolean = () => true,
): { data: Float64Array; dimensions: string[] } {
  const pairs = new Float64Array(values.length * 2);
  let n = 0;
  values.forEach((v, i) => {
    if (!include(v)) return;
    pairs[n++] = i;
    pairs[n++] = v ?? NaN;
  });
  return { data: n === pairs.length ? pairs : pairs.slice(0, n), dimensions: ['x', 'y'] };
}

/**
 * A bar series' data, drawn in ECharts' large mode: one path for all the bars instead of an element per bar. That
 * mode draws nothing when one value is missing and fails on a series with no bar, so a bar without a value is left
 * out (and so is one `include` refuses), and a series left with no bar is drawn the ordinary way.
 */
export function barData(
  values: readonly MaybeNumber[],
  include: (value: number) => boolean = () => true,
): ReturnType<typeof indexed> & { large: boolean; largeThreshold: number } {
  const data = indexed(values, (v) => v !== null && include(v));
  return { ...data, large: data.data.length > 0, largeThreshold: 0 };
}

/** `-0.0%` reads as a loss that is not there: a value that rounds to zero prints without a sign. */
export function percent(value: number, digits = 0): string {
  const text = (value * 100).toFixed(digits);
  return `${Number(text) === 0 ? (0).toFixed(digits) : text}%`;
}

/** 1234567 → `1.2M`: volume axes in people's units. */
export function compact(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e9) return `${+(value / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${+(value / 1e6).toFixed(1)}M`;
  if (abs >= 1e3) return `${+(value / 1e3).toFixed(1)}K`;
  return String(value);
}

/** Deterministic, static output: no animation, and one font everywhere. */
export const BASE: EChartsOption = {
  animation: false,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: FONT, color: COLORS.ink },
};

/** The title names the symbol and the dates it covers, so a chart saved on its own still says what it shows. */
export function titleOf(symbol: string, what: string, dates: readonly string[]): EChartsOption['title'] {
  const range = dates.length === 0 ? 'no data' : `${dates[0]} – ${dates[dates.length - 1]}`;
  return {
    text: `${symbol} · ${what}`,
    subtext: range,
    left: 12,
    top: 6,
    textStyle: { fontSize: 14, fontWeight: 'bold', color: COLORS.ink },
    subtextStyle: { fontSize: 11, color: COLORS.muted },
    itemGap: 4,
  };
}

export function legendOf(names: string[]): EChartsOption['legend'] {
  return {
    data: names,
    right: 12,
    top: 10,
    itemWidth: 18,
    itemHeight: 8,
    textStyle: { fontSize: 11, color: COLORS.ink },
  };
}

/**
 * The dates as a category axis: one slot per bar, so weekends and holidays leave no holes (the usual price
 * chart), and the series are plain arrays of numbers, which ECharts parses several times faster than
 * `[date, value]` pairs on a time axis. Labels mark the first bar of each year (of every few years over long
 * histories), or of each month when the series spans less than two years.
 */
export function dateAxis(dates: readonly string[], gridIndex: number, showLabels: boolean): Record<string, unknown> {
  const first = dates[0] ?? '';
  const last = dates[dates.length - 1] ?? '';
  const years = (Date.parse(last) - Date.parse(first)) / (365.25 * 86_400_000);
  const byYear = years >= 2;
  const step = byYear ? Math.max(1, Math.ceil(years / 12)) : 1;
  const key = (date: string): string => (byYear ? date.slice(0, 4) : date.slice(0, 7));
  const starts = (index: number, date: string): boolean =>
    index > 0 && key(date) !== key(dates[index - 1]) && (!byYear || Number(date.slice(0, 4)) % step === 0);
  return {
    type: 'category',
    gridIndex,
    data: dates,
    boundaryGap: false,
    axisLine: { lineStyle: { color: COLORS.grid } },
    axisTick: { show: showLabels, interval: starts, lineStyle: { color: COLORS.grid } },
    axisLabel: { show: showLabels, interval: starts, formatter: key, color: COLORS.muted, fontSize: 11 },
    splitLine: { show: false },
  };
}

export function valueAxis(gridIndex: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'value',
    gridIndex,
    scale: true,
    position: 'right',
    axisLabel: { color: COLORS.muted, fontSize: 11 },
    splitLine: { lineStyle: { color: COLORS.grid } },
    ...extra,
  };
}

/** A line without markers: one SVG path per series. */
export function line(
  name: string,
  data: readonly MaybeNumber[],
  color: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    type: 'line',
    ...indexed(data),
    showSymbol: false,
    symbol: 'none',
    silent: true,
    emphasis: { disabled: true },
    color,
    lineStyle: { color, width: 1.2 },
    ...(data.length > SAMPLE_ABOVE ? { sampling: 'lttb' } : {}),
    ...extra,
  };
}
