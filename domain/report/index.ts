export * from './quality';
export { buildSymbolReport, type ReportBar, type SymbolReport, type SymbolReportInput } from './symbol-report';
export { renderTearsheet } from './tearsheet';
export type { AnalysisDocumentView, TearsheetInput } from './tearsheet-input';
export { escapeHtml } from './format';
