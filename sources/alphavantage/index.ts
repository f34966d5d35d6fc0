export { createAlphaVantageSource, type AlphaVantageSourceOptions } from './adapter';
