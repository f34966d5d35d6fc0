import { ConfigError, loadConfig } from '.';
import { PRICE_PROVIDER_NAMES } from '../contracts';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('PRICE_PROVIDER_ORDER', () => {
  it('defaults to Yahoo, then Stooq', () => {
    expect(loadConfig({}).priceProviderOrder).toEqual(['yahoo', 'stooq']);
  });

  it('takes any order of registered providers, trimmed', () => {
    expect(loadConfig({ PRICE_PROVIDER_ORDER: ' stooq , yahoo ' }).priceProviderOrder).toEqual(['stooq', 'yahoo']);
    expect(loadConfig({ PRICE_PROVIDER_ORDER: 'stooq' }).priceProviderOrder).toEqual(['stooq']);
  });

  it('names an unknown provider and lists the registered ones', () => {
    const [problem, ...rest] = problemsOf({ PRICE_PROVIDER_ORDER: 'yahoo,bloomberg' });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^PRICE_PROVIDER_ORDER: not a price provider: bloomberg /);
    for (const name of PRICE_PROVIDER_NAMES) expect(problem).toContain(name);
  });

  it('refuses a provider named twice, and a list of only commas', () => {
    expect(problemsOf({ PRICE_PROVIDER_ORDER: 'yahoo,stooq,yahoo' })).toEqual([
      'PRICE_PROVIDER_ORDER: names a provider twice: yahoo',
    ]);
    expect(problemsOf({ PRICE_PROVIDER_ORDER: ',,' })[0]).toMatch(/^PRICE_PROVIDER_ORDER: names no provider/);
  });
});
