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
export {
  fundamentalsFrom,
  noFundamentals,
  type FundamentalsLookup,
  type FundamentalsSource,
} from './fundamentals-source';
export {
  analyzeSymbols,
  renderNoArtifacts,
  type AnalyzeSymbolsDeps,
  type ArtifactKeys,
  type RenderArtifacts,
  type RenderInput,
  type Resume,
} from './analyze-symbols';
export { chartUrl, reportUrl } from './artifact-urls';
export { withIndicatorSeries, type ReadBars } from './series-of-stored';
export { analysisBarsKey, readBarsCached, type BarReaderDeps, type CacheStatus } from './read-bars';
export {
  ANALYSIS_CACHE_TTL_SECONDS,
  analysisVersionKey,
  latestAnalysisEntry,
  latestAnalysisKey,
  presentAnalysis,
  readAnalysis,
  warmLatestAnalysis,
  type AnalysisQuery,
  type AnalysisReaderDeps,
  type AnalysisView,
} from './read-analysis';
export { planAnalysis, resolveBenchmark, UnknownBenchmarkError, type PlanAnalysisDeps } from './plan-analysis';
export { ANALYSIS_RUN, normalizeAnalysisRequest, type AnalysisRequestInput } from './analysis-run';
