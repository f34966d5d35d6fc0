import http from 'node:http';
import { TEST_API_KEY } from './provider-settings';
import { listenLocally } from './listen-locally';

/**
 * A local stand-in for Alpha Vantage's `GET /query?function=TIME_SERIES_DAILY_ADJUSTED&symbol&outputsize&datatype&apikey`,
 * so adapter and workflow tests never reach the internet. It answers as Alpha Vantage does: HTTP 200 for everything,
 * the series as `{"Meta Data", "Time Series (Daily)"}` newest first with every value a string (or the documented CSV
 * for `datatype=csv`), `{"Error Message": "Invalid API call…"}` for an unknown symbol, `{"Error Message": "the
 * parameter apikey is invalid or missing…"}` for a wrong key, and `{"Note": …}` / `{"Information": …}` when throttled.
 */

export interface AlphaVantageBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
  volume: number;
  /** Cash per share with this ex-date; 0 when absent. */
  dividend?: number;
  /** New shares per old with this ex-date; 1 when absent. */
  split?: number;
}

/**
 * Played once per request, then the data is served: `minute-limit` and `daily-limit` are Alpha Vantage's throttling
 * notices, `premium` its answer for an endpoint the key's plan lacks; or any status and body.
 */
export type AlphaVantageFault =
  'minute-limit' | 'daily-limit' | 'premium' | { status: number; body: string; retryAfter?: string };

export interface AlphaVantageRequest {
  symbol: string;
  params: Record<string, string>;
  /** Path and query as received. */
  url: string;
}

export interface AlphaVantageServer {
  /** Scheme, host and port only, as `ALPHAVANTAGE_URL` holds it. */
  url: string;
  requests: AlphaVantageRequest[];
  close(): Promise<void>;
}

export const ALPHAVANTAGE_NOTICES = {
  'minute-limit': {
    Note: 'Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.',
  },
  'daily-limit': {
    Information:
      'Thank you for using Alpha Vantage! Our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.',
  },
  premium: {
    Information:
      'Thank you for using Alpha Vantage! This is a premium endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium endpoints',
  },
  invalidCall: {
    'Error Message':
      'Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY_ADJUSTED.',
  },
  invalidKey: {
    'Error Message':
      'the parameter apikey is invalid or missing. Please claim your free API key on (https://www.alphavantage.co/support/#api-key). It should take less than 20 seconds.',
  },
} as const;

/** `outputsize=compact` (the default) is the latest 100 days. */
const COMPACT_DAYS = 100;
const CSV_HEADER = 'timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient';

export async function startAlphaVantageServer(
  data: Record<string, AlphaVantageBar[]>,
  faults: Record<string, AlphaVantageFault[]> = {},
  apiKey = TEST_API_KEY,
): Promise<AlphaVantageServer> {
  const requests: AlphaVantageRequest[] = [];
  const remaining = new Map(Object.entries(faults).map(([symbol, steps]) => [symbol.toUpperCase(), [...steps]]));
  const bySymbol = new Map(Object.entries(data).map(([symbol, bars]) => [symbol.toUpperCase(), bars]));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = Object.fromEntries(url.searchParams);
    const symbol = params.symbol ?? '';
    requests.push({ symbol, params, url: req.url ?? '' });
    if (req.method !== 'GET' || url.pathname !== '/query') return send(res, 404, '{}');
    if (params.apikey !== apiKey) return sendJson(res, ALPHAVANTAGE_NOTICES.invalidKey);

    const fault = remaining.get(symbol.toUpperCase())?.shift();
    if (typeof fault === 'string') return sendJson(res, ALPHAVANTAGE_NOTICES[fault]);
    if (fault) {
      if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
      return send(res, fault.status, fault.body);
    }
    const bars = bySymbol.get(symbol.toUpperCase());
    if (params.function !== 'TIME_SERIES_DAILY_ADJUSTED' || !bars) {
      return sendJson(res, ALPHAVANTAGE_NOTICES.invalidCall);
    }
    const newestFirst = [...bars].sort((a, b) => b.date.localeCompare(a.date));
    const served = params.outputsize === 'full' ? newestFirst : newestFirst.slice(0, COMPACT_DAYS);
    if (params.datatype === 'csv') return send(res, 200, csvOf(served), 'application/x-download');
    return sendJson(res, jsonOf(symbol, served, params.outputsize === 'full'));
  });

  const local = await listenLocally(server);
  return {
    url: local.url,
    requests,
    close: local.close,
  };
}

/** Alpha Vantage's text for each value: prices and cash with 4 decimals, the split coefficient as "1.0". */
function fieldsOf(bar: AlphaVantageBar): string[] {
  const split = bar.split ?? 1;
  return [
    ...[bar.open, bar.high, bar.low, bar.close, bar.adjClose].map((value) => value.toFixed(4)),
    String(bar.volume),
    (bar.dividend ?? 0).toFixed(4),
    Number.isInteger(split) ? split.toFixed(1) : String(split),
  ];
}

function jsonOf(symbol: string, bars: AlphaVantageBar[], full: boolean) {
  const names = [
    '1. open',
    '2. high',
    '3. low',
    '4. close',
    '5. adjusted close',
    '6. volume',
    '7. dividend amount',
    '8. split coefficient',
  ];
  return {
    'Meta Data': {
      '1. Information': 'Daily Time Series with Splits and Dividend Events',
      '2. Symbol': symbol,
      '3. Last Refreshed': bars[0]?.date ?? '',
      '4. Output Size': full ? 'Full size' : 'Compact',
      '5. Time Zone': 'US/Eastern',
    },
    'Time Series (Daily)': Object.fromEntries(
      bars.map((bar) => {
        const fields = fieldsOf(bar);
        return [bar.date, Object.fromEntries(names.map((name, i) => [name, fields[i]]))];
      }),
    ),
  };
}

const csvOf = (bars: AlphaVantageBar[]): string =>
  [CSV_HEADER, ...bars.map((bar) => [bar.date, ...fieldsOf(bar)].join(','))].join('\r\n') + '\r\n';

const sendJson = (res: http.ServerResponse, body: unknown) => send(res, 200, JSON.stringify(body, null, 4));

function send(res: http.ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(body);
}
