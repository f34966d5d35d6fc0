export * from './cache';
export * from './price-cache';
export * from './securities-cache';
