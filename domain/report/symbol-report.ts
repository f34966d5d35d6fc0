/**
 * Everything a symbol's report needs from what the analysis already holds, in one call: the five chart SVGs and
 * the tearsheet HTML. CPU only, no I/O: the caller stores the strings where it likes.
 */
import { buildChartSeries, type ChartBar } from '../charts/build-series';
import type { ChartName } from '../charts/chart-series';
import { renderChartSvgs } from '../charts/render-svg';
import type { FundamentalsJson } from '../finance/fundamentals';
import { summarizeQuality, type DataQualitySummary } from './quality';
import { renderTearsheet } from './tearsheet';
import type { AnalysisDocumentView } from './tearsheet-input';

/** A bar as the analysis read it; `flags` are the load's quality flags. The project's `PriceBar` fits. */
export interface ReportBar extends ChartBar {
  flags?: readonly string[];
}

export interface SymbolReportInput {
  /** The analysis document of the symbol (the `iby analyze --json` shape). */
  analysis: AnalysisDocumentView;
  /** The bars the analysis used, ascending by date. */
  bars: readonly ReportBar[];
  /** The benchmark's bars and, for the side-by-side column, its own analysis document's `risk`. */
  benchmark?: { symbol: string; bars: readonly ChartBar[]; risk?: object | null } | null;
  fundamentals: FundamentalsJson | null;
  /** Why `fundamentals` is null (no filing by the date, no CIK for the symbol, …). */
  fundamentalsMissing?: string | null;
  /** Rows the load rejected, when known. */
  rejected?: DataQualitySummary['rejected'];
  notes?: string[];
  generatedAt?: string;
}

export interface SymbolReport {
  charts: Record<ChartName, string>;
  html: string;
  quality: DataQualitySummary;
}

export function buildSymbolReport(input: SymbolReportInput): SymbolReport {
  const { analysis, bars } = input;
  if (bars.length === 0) throw new RangeError(`no bars to report for ${analysis.symbol}`);
  const benchmark = input.benchmark ?? null;
  const charts = renderChartSvgs(buildChartSeries(analysis.symbol, bars, benchmark));
  const quality = summarizeQuality(bars, input.rejected ?? null, input.notes ?? []);
  const last = bars[bars.length - 1];
  const html = renderTearsheet({
    analysis,
    benchmark: benchmark ? { symbol: benchmark.symbol, risk: benchmark.risk ?? {} } : null,
    lastClose: { date: last.date, close: last.close },
    fundamentals: input.fundamentals,
    fundamentalsMissing: input.fundamentalsMissing,
    quality,
    charts,
    generatedAt: input.generatedAt,
  });
  return { charts, html, quality };
}
