export { createStooqSource } from './adapter';
export type { StooqSource, StooqSourceOptions, StooqSymbolInput } from './types';
export { PROVIDER_UNAVAILABLE } from './classify';
