/**
 * The series the drawdown, relative and monthly-returns charts show, derived from closes with the finance
 * library (the same functions the risk report uses), so a chart and the metrics beside it cannot disagree.
 */
import {
  alignedReturns,
  cumReturns,
  drawdownSeries,
  monthlyReturnsTable,
  simpleReturns,
  type MonthlyReturnsRow,
} from '../finance/risk';
import type { BenchmarkCloses } from './chart-series';

export interface DatedValues {
  dates: string[];
  values: number[];
}

/** Drawdown at every bar, 0 at the first (the wealth starts at its high). */
export function drawdownFromCloses(dates: readonly string[], close: readonly number[]): DatedValues {
  if (close.length === 0) return { dates: [], values: [] };
  return { dates: [...dates], values: [0, ...drawdownSeries(simpleReturns(close))] };
}

export interface RelativeReturns {
  dates: string[];
  /** Cumulative return of the symbol since the first common date (0 there). */
  symbol: number[];
  benchmark: number[];
  /** Growth of the symbol relative to the benchmark, `(1 + s) / (1 + b) - 1`: above 0 while it is ahead. */
  excess: number[];
}

/** Cumulative returns over the dates both series have; without a benchmark, the symbol alone. */
export function relativeFromCloses(
  dates: readonly string[],
  close: readonly number[],
  benchmark: BenchmarkCloses | null | undefined,
): RelativeReturns {
  if (!benchmark) {
    const own = close.length === 0 ? [] : [0, ...cumReturns(simpleReturns(close))];
    return { dates: [...dates], symbol: own, benchmark: [], excess: [] };
  }
  const aligned = alignedReturns({ dates, values: close }, { dates: benchmark.dates, values: benchmark.close });
  if (aligned.start === null) return { dates: [], symbol: [], benchmark: [], excess: [] };
  const symbol = [0, ...cumReturns(aligned.a)];
  const bench = [0, ...cumReturns(aligned.b)];
  return {
    dates: [aligned.start, ...aligned.dates],
    symbol,
    benchmark: bench,
    excess: symbol.map((s, i) => (1 + s) / (1 + bench[i]) - 1),
  };
}

/** Year × month table of compounded returns of the closes. */
export function monthlyTableFromCloses(dates: readonly string[], close: readonly number[]): MonthlyReturnsRow[] {
  return monthlyReturnsTable(simpleReturns(close), dates.slice(1));
}
