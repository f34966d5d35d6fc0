export * from './analyze-trend';
export * from './log-trend';
export * from './moving-average-cross';
export * from './range-position';
export * from './trend-label';
