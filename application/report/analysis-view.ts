/** The analysis document a report reads (risk and trend), from bars alone: `iby report` and the benchmark column. */
import type { PriceBar } from '../../contracts/prices';
import { inferPeriodsPerYear } from '../../domain/finance/risk';
import type { AnalysisDocumentView } from '../../domain/report';
import { analyzeBars } from '../analysis/analyze-bars';
import { toAnalyzeJson } from '../analysis/analyze-json';

/** The report reads risk and trend only, so no indicator series are computed. */
export function analysisViewOfBars(
  symbol: string,
  bars: readonly PriceBar[],
  benchmark?: readonly PriceBar[],
): AnalysisDocumentView {
  const analysis = analyzeBars(symbol, bars, {
    indicators: [],
    periodsPerYear: inferPeriodsPerYear(bars.map((b) => b.date)),
    benchmark,
  });
  const doc = toAnalyzeJson(analysis);
  return { ...doc, symbol, riskPriceField: analysis.riskPriceField, risk: doc.risk, trend: doc.trend };
}
