export { createSecSource, type SecSource } from './adapter';
export { listCompanyFactsFiles } from './files';
export { ciksOfSymbols, parseCompanyTickers, tickersByCik } from './tickers';
export type { SecContext, SecSourceOptions } from './types';
export { planCikBatches, planPartBatches } from './plan';
