export { detectLayout, UnknownLayoutError, SUPPORTED_LAYOUTS } from './layouts';
export type { LayoutName, PriceLayout, LayoutColumns } from './layouts';
export { symbolFromFileName, isValidSymbol } from './symbols';
export { parsePrices, SymbolRequiredError } from './parse';
export { DuplicateTracker } from './duplicates';
export type { ParseOptions, RejectedRow, PriceEvent, PriceParse } from './parse';
export type { PriceCounts } from './counts';
export { toStagedCsvLine, STAGED_COLUMNS } from './staged-format';
export { toRejectedCsvLine, REJECTED_HEADER } from './rejected-format';
