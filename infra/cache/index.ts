export * from './cache';
export * from './price-cache';
export * from './securities-cache';
export * from './versioned';
export * from './versions';
export * from './version-watch';
