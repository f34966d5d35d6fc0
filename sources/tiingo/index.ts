export { createTiingoSource, type TiingoSourceOptions } from './adapter';
