import { loadConfig } from '../config';
import { createPriceProviders, providerRequestsPerSecond, providersWithoutApiKey } from './providers';

describe('the provider registry built from config', () => {
  it('builds an adapter for every provider from the config, each under its name', () => {
    const providers = createPriceProviders(loadConfig({}));
    expect(Object.entries(providers).map(([name, adapter]) => [name, adapter.name])).toEqual([
      ['stooq', 'stooq'],
      ['yahoo', 'yahoo'],
      ['alphavantage', 'alphavantage'],
      ['tiingo', 'tiingo'],
    ]);
  });

  it('reads each provider queue’s rate from its <PROVIDER>_REQUESTS_PER_SECOND', () => {
    const config = loadConfig({ STOOQ_REQUESTS_PER_SECOND: '2', TIINGO_REQUESTS_PER_SECOND: '0.5' });
    expect(providerRequestsPerSecond(config)).toEqual({ stooq: 2, yahoo: 1, alphavantage: 5 / 60, tiingo: 0.5 });
  });

  it('names the key variable of each provider that needs one and has none', () => {
    expect(providersWithoutApiKey(loadConfig({}))).toEqual([
      { provider: 'alphavantage', variable: 'ALPHAVANTAGE_API_KEY' },
      { provider: 'tiingo', variable: 'TIINGO_API_KEY' },
    ]);
    expect(providersWithoutApiKey(loadConfig({ TIINGO_API_KEY: 't' }))).toEqual([
      { provider: 'alphavantage', variable: 'ALPHAVANTAGE_API_KEY' },
    ]);
    expect(providersWithoutApiKey(loadConfig({ ALPHAVANTAGE_API_KEY: 'a', TIINGO_API_KEY: 't' }))).toEqual([]);
  });
});
