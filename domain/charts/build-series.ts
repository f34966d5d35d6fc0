/**
 * `ChartSeries` from a symbol's bars with the finance library's indicators, for callers that hold bars (the
 * analysis activity, `iby report`) rather than an analysis document with full series.
 */
import { bollinger, macd, rsi, sma } from '../finance/indicators';
import type { BenchmarkCloses, ChartSeries, MaybeNumber } from './chart-series';

/** The fields of a price bar the charts read; the project's `PriceBar` has them. */
export interface ChartBar {
  date: string;
  close: number;
  volume: number | null;
}

/** A loop, not `Array.from(values, f)`, which is several times slower over typed arrays. */
function nullable(values: ArrayLike<number>): MaybeNumber[] {
  const out = new Array<MaybeNumber>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isFinite(values[i]) ? values[i] : null;
  return out;
}

/** Bars ascending by date; the benchmark's too. */
export function buildChartSeries(
  symbol: string,
  bars: readonly ChartBar[],
  benchmark?: { symbol: string; bars: readonly ChartBar[] } | null,
): ChartSeries {
  const close = Float64Array.from(bars, (b) => b.close);
  const bands = bollinger(close, 20, 2);
  const m = macd(close, 12, 26, 9);
  const bench: BenchmarkCloses | null = benchmark
    ? { symbol: benchmark.symbol, dates: benchmark.bars.map((b) => b.date), close: benchmark.bars.map((b) => b.close) }
    : null;
  return {
    symbol,
    dates: bars.map((b) => b.date),
    close: Array.from(close),
    volume: bars.map((b) => b.volume),
    sma50: nullable(sma(close, 50)),
    sma200: nullable(sma(close, 200)),
    bbUpper: nullable(bands.upper),
    bbMiddle: nullable(bands.middle),
    bbLower: nullable(bands.lower),
    rsi14: nullable(rsi(close, 14)),
    macd: nullable(m.macd),
    macdSignal: nullable(m.signal),
    macdHist: nullable(m.hist),
    benchmark: bench,
  };
}
