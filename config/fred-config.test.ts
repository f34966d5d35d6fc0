import { ConfigError, loadConfig } from '.';

describe('FRED settings', () => {
  it('defaults to FRED’s API host at two requests a second (FRED allows 120 a minute), with no key', () => {
    expect(loadConfig({}).fred).toEqual({
      url: 'https://api.stlouisfed.org',
      apiKey: undefined,
      requestsPerSecond: 2,
    });
  });

  it('reads a blank key (as .env.example has it) as no key', () => {
    expect(loadConfig({ FRED_API_KEY: '' }).fred.apiKey).toBeUndefined();
  });

  it('takes a local host and port, a key and a rate', () => {
    const config = loadConfig({
      FRED_URL: 'http://127.0.0.1:9000',
      FRED_API_KEY: 'abc',
      FRED_REQUESTS_PER_SECOND: '1',
    });
    expect(config.fred).toEqual({ url: 'http://127.0.0.1:9000', apiKey: 'abc', requestsPerSecond: 1 });
  });

  it('names every bad FRED variable: a URL with a path, a negative rate', () => {
    let error: unknown;
    try {
      loadConfig({ FRED_URL: 'https://api.stlouisfed.org/fred/series/observations', FRED_REQUESTS_PER_SECOND: '-1' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['FRED_REQUESTS_PER_SECOND', 'FRED_URL']);
    expect(problems.find((p) => p.startsWith('FRED_URL'))).toContain('scheme, host and port only');
  });
});
