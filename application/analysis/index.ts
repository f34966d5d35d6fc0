export { analyzeBars, ohlcvArrays, riskSeries, type Analysis, type AnalyzeOptions } from './analyze-bars';
export { toAnalyzeJson } from './analyze-json';
export {
  buildAnalysisDocument,
  MIN_BARS,
  type BuildDocumentInput,
  type BuiltAnalysis,
  type SymbolSeries,
} from './build-document';
export { latestIndicator, latestValuesView, pickAnalyzeJson } from './document-view';
export { frequencyOf, selectFrequency, type FrequencySelection, type OriginBar } from './frequency';
export { noFundamentals, type FundamentalsLookup, type FundamentalsSource } from './fundamentals-source';
