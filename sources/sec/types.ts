import type { ObjectRef } from '../../contracts';

/** What the SEC adapter may use, bound to the running activity. */
export interface SecContext {
  /** Archives a raw body content-addressed under `raw/sec/{dataset}/{runDate}/{sha256}.json`. */
  archive(dataset: 'fundamentals' | 'tickers', runDate: string, body: Buffer): Promise<ObjectRef>;
  /** Aborted when Temporal cancels the activity. */
  signal: AbortSignal;
  fetch: typeof fetch;
}

export interface SecSourceOptions {
  /** `config.sec.url`: `{url}/api/xbrl/companyfacts/CIK##########.json`. */
  baseUrl: string;
  /** `config.sec.tickersUrl`; defaults to `{baseUrl}/files/company_tickers.json`. */
  tickersUrl?: string;
  /** SEC refuses anonymous clients: a name and a contact address (`config.sec.userAgent`). */
  userAgent: string;
  /** Per-request limit, so one hung connection fails fast and is retried instead of eating the activity timeout. */
  requestTimeoutMs?: number;
}
