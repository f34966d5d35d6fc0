export { analysisViewOfBars } from './analysis-view';
export { assembleSymbolReport, benchmarkRiskOver, type ReportAssemblyInput } from './assemble-report';
export {
  artifactKeysOf,
  chartObjectKey,
  HTML_CONTENT_TYPE,
  isChartName,
  reportObjectKey,
  SVG_CONTENT_TYPE,
} from './artifact-keys';
export {
  createArtifactRenderer,
  documentNotes,
  type ArtifactRendererDeps,
  type ArtifactStore,
  type RenderTiming,
} from './render-artifacts';
export {
  createRejectedRowsCounter,
  leadingFields,
  type RejectedForSymbol,
  type RejectedObject,
  type RejectedRowsCounter,
  type RejectedRowsDeps,
} from './rejected-rows';
export { readArtifact, type ArtifactKind, type ArtifactReaderDeps } from './read-artifact';
export { deferredRenderer, objectStoreRenderer, type ObjectStoreRendererDeps } from './object-store-renderer';
export { renderStoredAnalysis, singleFlight, type RenderOnDemandDeps } from './render-on-demand';
