export * from './ingest-prices';
export * from './ingest-price-batch';
export * from './analyze-batch';
export * from './analyze';
export * from './ingest-fundamentals-batch';
export * from './ingest-fundamentals';
export * from './daily-pipeline';
