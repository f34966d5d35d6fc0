import http from 'node:http';
import { TEST_API_KEY } from './provider-settings';
import { listenLocally } from './listen-locally';

/**
 * A local stand-in for Tiingo's `GET /tiingo/daily/{ticker}/prices?startDate&endDate` with `Authorization: Token <key>`,
 * so adapter and workflow tests never reach the internet. It answers as Tiingo does: a JSON array of bars stamped at
 * midnight UTC, oldest first, with adjusted values, `divCash` and `splitFactor`; `[]` for a range without bars; HTTP
 * 404 `{"detail":"Error: Ticker 'X' not found"}` for an unknown ticker; 401 `{"detail":"Invalid token."}` for a
 * missing or wrong key. Without `startDate` it answers the latest bar only.
 */

export interface TiingoBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number | null;
  adjClose: number | null;
  volume: number;
  /** Cash per share with this ex-date; 0 when absent. */
  divCash?: number;
  /** New shares per old with this ex-date; 1 when absent. */
  splitFactor?: number;
}

/** Played once per request, then the data is served. */
export type TiingoFault = { status: number; retryAfter?: string; body?: string };

export interface TiingoRequest {
  ticker: string;
  params: Record<string, string>;
  authorization: string | undefined;
  /** Path and query as received. */
  url: string;
}

export interface TiingoServer {
  /** Scheme, host and port only, as `TIINGO_URL` holds it. */
  url: string;
  requests: TiingoRequest[];
  close(): Promise<void>;
}

const PRICES_PATH = /^\/tiingo\/daily\/([^/]+)\/prices$/;

export async function startTiingoServer(
  data: Record<string, TiingoBar[]>,
  faults: Record<string, TiingoFault[]> = {},
  apiKey = TEST_API_KEY,
): Promise<TiingoServer> {
  const requests: TiingoRequest[] = [];
  const remaining = new Map(Object.entries(faults).map(([ticker, steps]) => [ticker.toUpperCase(), [...steps]]));
  const byTicker = new Map(Object.entries(data).map(([ticker, bars]) => [ticker.toUpperCase(), bars]));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = Object.fromEntries(url.searchParams);
    const match = PRICES_PATH.exec(url.pathname);
    const ticker = match ? decodeURIComponent(match[1]) : '';
    requests.push({ ticker, params, authorization: req.headers.authorization, url: req.url ?? '' });
    if (req.method !== 'GET' || !match) return send(res, 404, { detail: 'Not found.' });
    if (req.headers.authorization !== `Token ${apiKey}`) return send(res, 401, { detail: 'Invalid token.' });

    const fault = remaining.get(ticker.toUpperCase())?.shift();
    if (fault) {
      if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
      return send(res, fault.status, fault.body ?? { detail: http.STATUS_CODES[fault.status] });
    }
    const bars = byTicker.get(ticker.toUpperCase());
    if (!bars) return send(res, 404, { detail: `Error: Ticker '${ticker}' not found` });
    const sorted = [...bars].sort((a, b) => a.date.localeCompare(b.date));
    const { startDate, endDate } = params;
    const served =
      startDate === undefined
        ? sorted.slice(-1)
        : sorted.filter((bar) => bar.date >= startDate && (endDate === undefined || bar.date <= endDate));
    return send(res, 200, served.map(tiingoBar));
  });

  const local = await listenLocally(server);
  return {
    url: local.url,
    requests,
    close: local.close,
  };
}

/** Tiingo's shape: the adjusted open, high, low and volume scaled by the bar's adjustment factor. */
function tiingoBar(bar: TiingoBar) {
  const factor = bar.close !== null && bar.adjClose !== null && bar.close !== 0 ? bar.adjClose / bar.close : 1;
  return {
    date: `${bar.date}T00:00:00.000Z`,
    close: bar.close,
    high: bar.high,
    low: bar.low,
    open: bar.open,
    volume: bar.volume,
    adjClose: bar.adjClose,
    adjHigh: bar.high * factor,
    adjLow: bar.low * factor,
    adjOpen: bar.open * factor,
    adjVolume: Math.round(bar.volume / factor),
    divCash: bar.divCash ?? 0,
    splitFactor: bar.splitFactor ?? 1,
  };
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
