import { ConfigError, loadConfig } from '.';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('Alpha Vantage settings', () => {
  it('defaults to Alpha Vantage’s host at the free tier’s 5 requests a minute, without a key', () => {
    expect(loadConfig({}).alphavantage).toEqual({
      url: 'https://www.alphavantage.co',
      requestsPerSecond: 5 / 60,
      apiKey: undefined,
    });
  });

  it('takes a local host and port, a key and a rate; a blank key is no key', () => {
    const config = loadConfig({
      ALPHAVANTAGE_URL: 'http://127.0.0.1:9100',
      ALPHAVANTAGE_API_KEY: 'demo',
      ALPHAVANTAGE_REQUESTS_PER_SECOND: '1.25',
    });
    expect(config.alphavantage).toEqual({ url: 'http://127.0.0.1:9100', requestsPerSecond: 1.25, apiKey: 'demo' });
    expect(loadConfig({ ALPHAVANTAGE_API_KEY: '  ' }).alphavantage.apiKey).toBeUndefined();
  });

  it('names every bad Alpha Vantage variable: a URL with a path, a rate of zero', () => {
    const problems = problemsOf({
      ALPHAVANTAGE_URL: 'https://www.alphavantage.co/query',
      ALPHAVANTAGE_REQUESTS_PER_SECOND: '0',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'ALPHAVANTAGE_REQUESTS_PER_SECOND',
      'ALPHAVANTAGE_URL',
    ]);
    expect(problems.find((p) => p.startsWith('ALPHAVANTAGE_URL'))).toContain('scheme, host and port only');
  });
});

describe('Tiingo settings', () => {
  it('defaults to Tiingo’s API host at the free tier’s 50 requests an hour, without a key', () => {
    expect(loadConfig({}).tiingo).toEqual({
      url: 'https://api.tiingo.com',
      requestsPerSecond: 50 / 3600,
      apiKey: undefined,
    });
  });

  it('takes a local host and port, a key and a rate', () => {
    const config = loadConfig({
      TIINGO_URL: 'http://127.0.0.1:9200',
      TIINGO_API_KEY: 'token-1',
      TIINGO_REQUESTS_PER_SECOND: '0.5',
    });
    expect(config.tiingo).toEqual({ url: 'http://127.0.0.1:9200', requestsPerSecond: 0.5, apiKey: 'token-1' });
  });

  it('names every bad Tiingo variable: a URL with a query, a negative rate', () => {
    const problems = problemsOf({ TIINGO_URL: 'https://api.tiingo.com?token=x', TIINGO_REQUESTS_PER_SECOND: '-1' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['TIINGO_REQUESTS_PER_SECOND', 'TIINGO_URL']);
  });
});

describe('Stooq settings', () => {
  it('defaults to Stooq’s host: the adapter appends the download path', () => {
    expect(loadConfig({}).stooq).toEqual({ url: 'https://stooq.com', requestsPerSecond: 1 });
    expect(loadConfig({ STOOQ_URL: 'http://127.0.0.1:9300' }).stooq.url).toBe('http://127.0.0.1:9300');
  });

  it('refuses the old download URL with its path, naming STOOQ_URL', () => {
    const problems = problemsOf({ STOOQ_URL: 'https://stooq.com/q/d/l/' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^STOOQ_URL: expected scheme, host and port only/);
  });
});
