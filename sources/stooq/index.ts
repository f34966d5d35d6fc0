export { createStooqSource, type StooqSourceOptions } from './adapter';
export { PROVIDER_UNAVAILABLE } from './classify';
