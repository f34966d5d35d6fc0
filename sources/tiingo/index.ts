export { TIINGO_KEY_VARIABLE, createTiingoSource, type TiingoSourceOptions } from './adapter';
