/** What a tearsheet is made of; every part is a plain value the analysis already has. */
import type { ChartName } from '../charts/chart-series';
import type { FundamentalsJson } from '../finance/fundamentals';
import type { DataQualitySummary } from './quality';

/**
 * The analysis document (`iby analyze --json`, the API's `/analysis`): only the keys the tearsheet reads are
 * named; `risk` and `trend` are read key by key (snake_case, null where undefined), so a document with more keys
 * fits as it is.
 */
export interface AnalysisDocumentView {
  symbol: string;
  from?: string | null;
  to?: string | null;
  bars?: number;
  periodsPerYear?: number;
  asOf?: string | null;
  riskPriceField?: string;
  risk: object;
  trend: object;
}

export interface TearsheetInput {
  analysis: AnalysisDocumentView;
  /** The benchmark's own risk block (its analysis document's `risk`), for the side-by-side column. */
  benchmark?: { symbol: string; risk: object } | null;
  /** The last bar: the header's price. */
  lastClose: { date: string; close: number };
  /** The `iby fundamentals --json` document, or null with the reason in `fundamentalsMissing`. */
  fundamentals: FundamentalsJson | null;
  fundamentalsMissing?: string | null;
  quality: DataQualitySummary;
  /** SVG documents by chart name (`renderChartSvgs`); a missing one is said to be missing. */
  charts: Partial<Record<ChartName, string>>;
  /** Shown in the footer when given; left out by default so the same inputs give the same bytes. */
  generatedAt?: string;
}
