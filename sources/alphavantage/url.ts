/** The documented endpoint, appended to `ALPHAVANTAGE_URL` (scheme, host and port only). */
const QUERY_PATH = '/query';

/**
 * `GET {ALPHAVANTAGE_URL}/query?function=TIME_SERIES_DAILY_ADJUSTED&symbol=X&outputsize=full&datatype=json&apikey=…`.
 * Alpha Vantage takes no range: `outputsize=full` is every bar it has (`compact`, the default, is the last 100), and
 * the transform keeps the run's [from, to].
 */
export function buildAlphaVantageUrl(baseUrl: string, symbol: string, apiKey: string): URL {
  const url = new URL(QUERY_PATH, baseUrl);
  url.searchParams.set('function', 'TIME_SERIES_DAILY_ADJUSTED');
  url.searchParams.set('symbol', symbol);
  url.searchParams.set('outputsize', 'full');
  url.searchParams.set('datatype', 'json');
  url.searchParams.set('apikey', apiKey);
  return url;
}
