export * from './cache';
export * from './price-cache';
