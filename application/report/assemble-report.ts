/**
 * The one way a symbol's charts and tearsheet are assembled, by `iby report` (bars from a file) and by the analysis
 * activity (bars from Postgres): the benchmark's own risk for the side-by-side column, then the report module.
 */
import type { PriceBar } from '../../contracts/prices';
import type { FundamentalsJson } from '../../domain/finance/fundamentals';
import { MIN_RETURNS } from '../../domain/finance/risk';
import {
  buildSymbolReport,
  type AnalysisDocumentView,
  type DataQualitySummary,
  type ReportBar,
  type SymbolReport,
} from '../../domain/report';
import { analysisViewOfBars } from './analysis-view';

export interface ReportAssemblyInput {
  /** The symbol's analysis document (`iby analyze --json` keys; the API's document fits). */
  analysis: AnalysisDocumentView;
  /** The bars the analysis used, ascending. */
  bars: readonly ReportBar[];
  benchmark: { symbol: string; bars: readonly PriceBar[] } | null;
  fundamentals: FundamentalsJson | null;
  fundamentalsMissing: string | null;
  /** Rows the loads rejected for this symbol, by reason; null when not known. */
  rejected: DataQualitySummary['rejected'];
  notes: string[];
}

/**
 * The benchmark over the symbol's own span: a stock listed in 2016 is compared with the index since 2016, not
 * since the index's first bar. Null when that span holds too few benchmark bars for the metrics.
 */
export function benchmarkRiskOver(
  benchmark: { symbol: string; bars: readonly PriceBar[] },
  from: string,
  to: string,
): object | null {
  const bars = benchmark.bars.filter((b) => b.date >= from && b.date <= to);
  if (bars.length < MIN_RETURNS + 1) return null;
  return analysisViewOfBars(benchmark.symbol, bars).risk;
}

export function assembleSymbolReport(input: ReportAssemblyInput): SymbolReport {
  const { bars, benchmark } = input;
  if (bars.length === 0) throw new RangeError(`no bars to report for ${input.analysis.symbol}`);
  const from = bars[0].date;
  const to = bars[bars.length - 1].date;
  return buildSymbolReport({
    analysis: input.analysis,
    bars,
    benchmark: benchmark && {
      symbol: benchmark.symbol,
      bars: benchmark.bars,
      risk: benchmarkRiskOver(benchmark, from, to),
    },
    fundamentals: input.fundamentals,
    fundamentalsMissing: input.fundamentalsMissing,
    rejected: input.rejected,
    notes: input.notes,
  });
}
