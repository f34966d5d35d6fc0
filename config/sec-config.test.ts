import { ConfigError, loadConfig } from '.';

describe('SEC settings', () => {
  it('defaults to the real SEC: the API on data.sec.gov, the tickers file on www.sec.gov, 10 requests a second', () => {
    expect(loadConfig({}).sec).toEqual({
      url: 'https://data.sec.gov',
      tickersUrl: 'https://www.sec.gov/files/company_tickers.json',
      userAgent: 'InvestByYourself iby-admin@example.com',
      requestsPerSecond: 10,
    });
  });

  it('serves both from a mirror given as SEC_URL, unless SEC_TICKERS_URL says otherwise', () => {
    expect(loadConfig({ SEC_URL: 'http://127.0.0.1:9000/' }).sec.tickersUrl).toBe(
      'http://127.0.0.1:9000/files/company_tickers.json',
    );
    const explicit = loadConfig({ SEC_URL: 'http://mirror', SEC_TICKERS_URL: 'http://other/tickers.json' });
    expect(explicit.sec.tickersUrl).toBe('http://other/tickers.json');
  });

  it('names every bad SEC variable', () => {
    let error: unknown;
    try {
      loadConfig({ SEC_URL: 'not a url', SEC_REQUESTS_PER_SECOND: '0' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'SEC_REQUESTS_PER_SECOND',
      'SEC_URL',
    ]);
  });
});
