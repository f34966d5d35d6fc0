import { ConfigError, loadConfig } from '.';

describe('Yahoo settings', () => {
  it('defaults to Yahoo’s chart host at one request a second', () => {
    expect(loadConfig({}).yahoo).toEqual({ url: 'https://query1.finance.yahoo.com', requestsPerSecond: 1 });
  });

  it('takes a local host and port, and a rate', () => {
    const config = loadConfig({ YAHOO_URL: 'http://127.0.0.1:9000', YAHOO_REQUESTS_PER_SECOND: '2.5' });
    expect(config.yahoo).toEqual({ url: 'http://127.0.0.1:9000', requestsPerSecond: 2.5 });
  });

  it('names every bad Yahoo variable: a URL with a path, a rate of zero', () => {
    let error: unknown;
    try {
      loadConfig({ YAHOO_URL: 'https://query1.finance.yahoo.com/v8/finance/chart/', YAHOO_REQUESTS_PER_SECOND: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['YAHOO_REQUESTS_PER_SECOND', 'YAHOO_URL']);
    expect(problems.find((p) => p.startsWith('YAHOO_URL'))).toContain('scheme, host and port only');
  });
});
