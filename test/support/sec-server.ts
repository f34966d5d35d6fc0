import fs from 'node:fs';
import http from 'node:http';
import { sharedData } from './shared-data';
import { listenLocally } from './listen-locally';

/**
 * A local stand-in for SEC EDGAR's API, answering from the companyfacts files in `../shared/data/fundamentals`:
 * `GET /api/xbrl/companyfacts/CIK##########.json` (the file's bytes, 404 for an unknown CIK) and
 * `GET /files/company_tickers.json`. Like SEC, it refuses a request without a User-Agent (403).
 */

/** One scripted answer: a status (429 and 503 come with `Retry-After: 0`) or a full answer. */
export type SecFault = number | { status: number; retryAfter?: string; body?: string };

export interface SecRequest {
  path: string;
  userAgent: string | undefined;
  at: number;
}

export interface SecServer {
  /** Base URL to give the adapter (`SEC_URL`). */
  url: string;
  requests: SecRequest[];
  requestsFor(cik: number): SecRequest[];
  close(): Promise<void>;
}

/** The shared companyfacts files by CIK, and the real tickers of the five companies. */
export const SHARED_COMPANIES = [
  { cik: 320193, file: 'CIK0000320193.json', ticker: 'AAPL' },
  { cik: 1045810, file: 'CIK0001045810.json', ticker: 'NVDA' },
  { cik: 1652044, file: 'CIK0001652044.json', ticker: 'GOOGL' },
  { cik: 1835632, file: 'CIK0001835632.json', ticker: 'MRVL' },
  { cik: 1640147, file: 'CIK0001640147_snowflake_fixture.json', ticker: 'SNOW' },
] as const;

/**
 * A company_tickers.json in SEC's format for the five shared companies, titles from each file's `entityName`
 * (SEC's file has ~10,000 entries; this one only the companies the tests have facts for).
 */
export function sharedCompanyTickersJson(): string {
  const entries = SHARED_COMPANIES.map(({ cik, file, ticker }, index) => {
    const { entityName } = JSON.parse(fs.readFileSync(sharedData('fundamentals', file), 'utf8')) as {
      entityName: string;
    };
    return [String(index), { cik_str: cik, ticker, title: entityName }] as const;
  });
  return JSON.stringify(Object.fromEntries(entries));
}

const COMPANY_FACTS = /^\/api\/xbrl\/companyfacts\/CIK(\d{10})\.json$/;

/** `faults` per CIK (played once each, one per request) or `'tickers'` for the tickers file. */
export async function startSecServer(faults: Record<string | number, SecFault[]> = {}): Promise<SecServer> {
  const requests: SecRequest[] = [];
  const remaining = new Map(Object.entries(faults).map(([key, steps]) => [String(key), [...steps]]));
  const files = new Map<number, string>(
    SHARED_COMPANIES.map(({ cik, file }) => [cik, sharedData('fundamentals', file)]),
  );
  const tickers = sharedCompanyTickersJson();

  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const userAgent = req.headers['user-agent'];
    requests.push({ path, userAgent, at: Date.now() });
    if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed');
    if (!userAgent) return send(res, 403, 'Undeclared Automated Tool');
    const match = COMPANY_FACTS.exec(path);
    const key = match ? String(Number(match[1])) : path === '/files/company_tickers.json' ? 'tickers' : undefined;
    const fault = key === undefined ? undefined : remaining.get(key)?.shift();
    if (fault !== undefined) return sendFault(res, fault);
    if (key === 'tickers') return send(res, 200, tickers, 'application/json');
    const file = match ? files.get(Number(match[1])) : undefined;
    if (!file) return send(res, 404, '<?xml version="1.0"?><Error><Code>NoSuchKey</Code></Error>', 'application/xml');
    res.writeHead(200, { 'Content-Type': 'application/json' });
    fs.createReadStream(file).pipe(res);
  });

  const local = await listenLocally(server);
  return {
    url: local.url,
    requests,
    requestsFor: (cik) =>
      requests.filter((r) => r.path === `/api/xbrl/companyfacts/CIK${String(cik).padStart(10, '0')}.json`),
    close: local.close,
  };
}

function sendFault(res: http.ServerResponse, fault: SecFault): void {
  const { status, retryAfter, body } =
    typeof fault === 'number'
      ? { status: fault, retryAfter: fault === 429 || fault === 503 ? '0' : undefined, body: undefined }
      : fault;
  if (retryAfter !== undefined) res.setHeader('Retry-After', retryAfter);
  send(res, status, body ?? http.STATUS_CODES[status] ?? 'Error');
}

function send(res: http.ServerResponse, status: number, body: string, contentType = 'text/plain'): void {
  res.writeHead(status, { 'Content-Type': `${contentType}; charset=utf-8` });
  res.end(body);
}
