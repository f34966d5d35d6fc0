export { ALPHAVANTAGE_KEY_VARIABLE, createAlphaVantageSource, type AlphaVantageSourceOptions } from './adapter';
