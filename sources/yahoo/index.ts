export { createYahooSource, type YahooSourceOptions } from './adapter';
