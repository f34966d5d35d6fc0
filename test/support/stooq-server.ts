import fs from 'node:fs';
import http from 'node:http';
import { sharedData } from './shared-data';
import { listenLocally } from './listen-locally';

/**
 * A local stand-in for Stooq's CSV download (`/q/d/l/?s=<symbol>&i=d[&d1=YYYYMMDD&d2=YYYYMMDD]`), so adapter and
 * workflow tests never reach the internet. It answers as Stooq does: header `Date,Open,High,Low,Close,Volume`,
 * ISO dates ascending, and a 200 `No data` for an unknown symbol or a range without rows.
 */

/** One scripted answer: a status (429 comes with `Retry-After: 0`), a full answer, or no answer at all. */
export type StooqFault = number | { status: number; retryAfter?: string; body?: string } | 'hang';

/**
 * Per symbol (lower-case, as in the URL): a list is played once, one step per request, then the data is served;
 * a single `{ status }` is the answer to every request (e.g. `{ status: 404 }`).
 */
export type StooqFaultPlan = StooqFault[] | { status: number; retryAfter?: string; body?: string };

export interface StooqRequest {
  /** The `s` parameter as sent. */
  symbol: string;
  params: Record<string, string>;
  /** Path and query as received. */
  url: string;
  /** `Date.now()` when the request arrived, for pacing assertions. */
  at: number;
}

export interface StooqServer {
  /** Scheme, host and port only, as `STOOQ_URL` holds it, e.g. `http://127.0.0.1:41234`. */
  url: string;
  requests: StooqRequest[];
  requestsFor(symbol: string): StooqRequest[];
  close(): Promise<void>;
}

const STOOQ_PATH = '/q/d/l/';
const STOOQ_HEADER = 'Date,Open,High,Low,Close,Volume';
const NO_DATA = 'No data';

export async function startStooqServer(
  data: Record<string, string>,
  faults: Record<string, StooqFaultPlan> = {},
): Promise<StooqServer> {
  const requests: StooqRequest[] = [];
  const remainingSteps = new Map<string, StooqFault[]>();
  for (const [symbol, plan] of Object.entries(faults)) {
    if (Array.isArray(plan)) remainingSteps.set(symbol.toLowerCase(), [...plan]);
  }
  const standing = new Map(
    Object.entries(faults).flatMap(([symbol, plan]) => (Array.isArray(plan) ? [] : [[symbol.toLowerCase(), plan]])),
  );
  const csvBySymbol = new Map(Object.entries(data).map(([symbol, csv]) => [symbol.toLowerCase(), csv]));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const params = Object.fromEntries(url.searchParams);
    const symbol = params.s ?? '';
    requests.push({ symbol, params, url: req.url ?? '', at: Date.now() });

    if (req.method !== 'GET' || url.pathname !== STOOQ_PATH) return send(res, 404, 'Not Found');
    // Stooq looks symbols up case-insensitively; tests assert the exact casing on `requests`.
    const key = symbol.toLowerCase();
    const fault = remainingSteps.get(key)?.shift() ?? standing.get(key);
    if (fault === 'hang') return; // Left open until the client aborts or close() drops it.
    if (fault !== undefined) return sendFault(res, fault);
    if (params.i !== 'd') return send(res, 400, `unsupported interval ${params.i ?? '(none)'}`);
    const csv = csvBySymbol.get(key);
    if (csv === undefined) return send(res, 200, NO_DATA);
    const body = filterByDate(csv, params.d1, params.d2);
    return send(res, 200, body ?? NO_DATA, 'text/csv');
  });

  const local = await listenLocally(server);
  return {
    url: local.url,
    requests,
    requestsFor: (symbol) => requests.filter((request) => request.symbol.toLowerCase() === symbol.toLowerCase()),
    close: local.close,
  };
}

/**
 * Re-emits a shared `date,open,high,low,close,volume,Name` file as Stooq's CSV (CRLF line ends, as Stooq sends),
 * optionally limited to an inclusive ISO date range.
 */
export function stooqCsvFromOhlcvFile(file: string, range: { from?: string; to?: string } = {}): string {
  const [, ...rows] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const lines = rows
    .map((row) => row.split(','))
    .filter(
      ([date]) => (range.from === undefined || date >= range.from) && (range.to === undefined || date <= range.to),
    )
    .map(([date, open, high, low, close, volume]) => [date, open, high, low, close, volume].join(','));
  return [STOOQ_HEADER, ...lines].join('\r\n') + '\r\n';
}

/** Real AAPL and MSFT daily prices from the shared data, keyed as Stooq names them. */
export function sharedStooqFixtures(range: { from?: string; to?: string } = {}): Record<string, string> {
  return {
    'aapl.us': stooqCsvFromOhlcvFile(sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv'), range),
    'msft.us': stooqCsvFromOhlcvFile(sharedData('ohlcv', 'MSFT_2013-02-08_2018-02-07.csv'), range),
  };
}

/** Keeps the header and the rows within [d1, d2]; undefined when no row is left (Stooq then says `No data`). */
function filterByDate(csv: string, d1: string | undefined, d2: string | undefined): string | undefined {
  if (d1 === undefined && d2 === undefined) return csv;
  const newline = csv.includes('\r\n') ? '\r\n' : '\n';
  const [header, ...rows] = csv.split(newline).filter((line) => line !== '');
  const kept = rows.filter((row) => {
    const compact = row.slice(0, 10).replaceAll('-', '');
    return (d1 === undefined || compact >= d1) && (d2 === undefined || compact <= d2);
  });
  return kept.length === 0 ? undefined : [header, ...kept].join(newline) + newline;
}

function sendFault(res: http.ServerResponse, fault: Exclude<StooqFault, 'hang'>): void {
  const { status, retryAfter, body } =
    typeof fault === 'number' ? { status: fault, retryAfter: fault === 429 ? '0' : undefined, body: undefined } : fault;
  if (retryAfter !== undefined) res.setHeader('Retry-After', retryAfter);
  send(res, status, body ?? http.STATUS_CODES[status] ?? 'Error');
}

function send(res: http.ServerResponse, status: number, body: string, contentType = 'text/plain'): void {
  res.writeHead(status, { 'Content-Type': `${contentType}; charset=utf-8` });
  res.end(body);
}
