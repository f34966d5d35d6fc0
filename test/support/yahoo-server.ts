import http from 'node:http';
import { listenLocally } from './listen-locally';

/**
 * A local stand-in for Yahoo's chart API (`GET /v8/finance/chart/{symbol}?period1&period2&interval=1d&events=…`),
 * so adapter and workflow tests never reach the internet. It answers as Yahoo documents: `chart.result[0]` with
 * `timestamp`, `indicators.quote[0]` and `indicators.adjclose[0]`, `events.dividends`/`events.splits` keyed by
 * timestamp, and for an unknown symbol HTTP 404 with `chart.error.code: "Not Found"`.
 */

/** One daily bar as a test writes it; timestamps are the session's open, 13:30 UTC (09:30 New York in winter). */
export interface YahooBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  adjClose: number | null;
  volume: number | null;
}

export interface YahooSymbolData {
  bars: YahooBar[];
  splits?: { date: string; numerator: number; denominator: number }[];
  dividends?: { date: string; amount: number }[];
}

/** A list is played once, one answer per request, then the data is served. */
export type YahooFault = { status: number; retryAfter?: string; body?: string };

export interface YahooRequest {
  symbol: string;
  params: Record<string, string>;
  /** Path and query as received. */
  url: string;
}

export interface YahooServer {
  /** Scheme, host and port only, as `YAHOO_URL` holds it. */
  url: string;
  requests: YahooRequest[];
  close(): Promise<void>;
}

const CHART_PATH = '/v8/finance/chart/';

export async function startYahooServer(
  data: Record<string, YahooSymbolData>,
  faults: Record<string, YahooFault[]> = {},
): Promise<YahooServer> {
  const requests: YahooRequest[] = [];
  const remaining = new Map(Object.entries(faults).map(([symbol, steps]) => [symbol, [...steps]]));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const symbol = decodeURIComponent(url.pathname.slice(CHART_PATH.length));
    const params = Object.fromEntries(url.searchParams);
    requests.push({ symbol, params, url: req.url ?? '' });
    if (req.method !== 'GET' || !url.pathname.startsWith(CHART_PATH)) return send(res, 404, notFound());

    const fault = remaining.get(symbol)?.shift();
    if (fault) {
      if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
      return send(res, fault.status, fault.body ?? JSON.stringify({ error: http.STATUS_CODES[fault.status] }));
    }
    if (params.interval !== '1d') return send(res, 400, badRequest(`Invalid interval ${params.interval}`));
    const found = data[symbol];
    if (!found) return send(res, 404, notFound());
    const period1 = Number(params.period1 ?? 0);
    const period2 = Number(params.period2 ?? Number.MAX_SAFE_INTEGER);
    return send(res, 200, JSON.stringify(chartOf(symbol, found, period1, period2)));
  });

  const local = await listenLocally(server);
  return {
    url: local.url,
    requests,
    close: local.close,
  };
}

/** The session open of an ISO date, in Yahoo's epoch seconds. */
export const yahooTimestamp = (date: string): number => Date.parse(`${date}T13:30:00Z`) / 1000;

/** Yahoo's answer for the bars and events within [period1, period2). */
function chartOf(symbol: string, data: YahooSymbolData, period1: number, period2: number) {
  const within = (date: string) => yahooTimestamp(date) >= period1 && yahooTimestamp(date) < period2;
  const bars = data.bars.filter((bar) => within(bar.date));
  const keyed = <T extends { date: string }, U>(events: T[] | undefined, shape: (event: T, at: number) => U) =>
    Object.fromEntries(
      (events ?? [])
        .filter((event) => within(event.date))
        .map((event) => [String(yahooTimestamp(event.date)), shape(event, yahooTimestamp(event.date))]),
    );
  const events = {
    dividends: keyed(data.dividends, ({ amount }, date) => ({ amount, date })),
    splits: keyed(data.splits, ({ numerator, denominator }, date) => ({
      date,
      numerator,
      denominator,
      splitRatio: `${numerator}:${denominator}`,
    })),
  };
  return {
    chart: {
      result: [
        {
          meta: { currency: 'USD', symbol, exchangeTimezoneName: 'America/New_York', dataGranularity: '1d' },
          // Yahoo leaves out `timestamp` (and the quote arrays) for a range without bars.
          ...(bars.length > 0 ? { timestamp: bars.map((bar) => yahooTimestamp(bar.date)) } : {}),
          events,
          indicators: {
            quote: [
              bars.length === 0
                ? {}
                : {
                    open: bars.map((bar) => bar.open),
                    high: bars.map((bar) => bar.high),
                    low: bars.map((bar) => bar.low),
                    close: bars.map((bar) => bar.close),
                    volume: bars.map((bar) => bar.volume),
                  },
            ],
            adjclose: [bars.length === 0 ? {} : { adjclose: bars.map((bar) => bar.adjClose) }],
          },
        },
      ],
      error: null,
    },
  };
}

const notFound = () =>
  JSON.stringify({
    chart: { result: null, error: { code: 'Not Found', description: 'No data found, symbol may be delisted' } },
  });
const badRequest = (description: string) =>
  JSON.stringify({ chart: { result: null, error: { code: 'Bad Request', description } } });

function send(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
  res.end(body);
}
