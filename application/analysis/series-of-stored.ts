/**
 * The full indicator series of a stored analysis, recomputed from the bars of its window. Results store each
 * indicator's latest value only; the library is a pure function of the bars, so the series equal what the analysis
 * computed while those bars are unchanged. A later load that corrects a bar inside the window shows here, and the
 * stored values (and `inputs.lineage`) keep what the analysis itself used.
 */
import type { AnalysisDocument, IndicatorSeriesJson } from '../../contracts/analysis';
import type { AnalysisBars } from '../../infra/repositories/analysis-bars';
import type { StoredAnalysis } from '../../infra/repositories/analysis-results';
import { buildAnalysisDocument } from './build-document';

export type ReadBars = (symbol: string, to?: string) => Promise<AnalysisBars>;

export async function withIndicatorSeries(
  readBars: ReadBars,
  stored: Pick<StoredAnalysis, 'symbol' | 'asOf' | 'windowFrom' | 'windowTo'>,
  document: AnalysisDocument<unknown>,
): Promise<AnalysisDocument<IndicatorSeriesJson>> {
  const { bars } = await readBars(stored.symbol, stored.windowTo);
  const rebuilt = await buildAnalysisDocument({
    series: { symbol: stored.symbol, bars },
    from: stored.windowFrom,
    to: stored.windowTo,
    asOf: stored.asOf,
  });
  return { ...document, dates: rebuilt.document.dates, indicators: rebuilt.document.indicators };
}
