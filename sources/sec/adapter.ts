import type { CompanyFactsPart, ObjectRef } from '../../contracts';
import { fetchSec } from './fetch';
import type { SecContext, SecSourceOptions } from './types';
import { companyFactsUrl, defaultTickersUrl } from './urls';

const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

export interface SecSource {
  /** One request: a company's companyfacts JSON, archived byte for byte. */
  collectCompanyFacts(input: { cik: number; runDate: string }, ctx: SecContext): Promise<CompanyFactsPart>;
  /** One request: SEC's company_tickers.json, archived byte for byte. */
  collectTickers(input: { runDate: string }, ctx: SecContext): Promise<ObjectRef & { origin: string }>;
}

export function createSecSource(options: SecSourceOptions): SecSource {
  const fetchOptions = {
    userAgent: options.userAgent,
    timeoutMs: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  };
  const tickersUrl = options.tickersUrl ?? defaultTickersUrl(options.baseUrl);
  return {
    async collectCompanyFacts({ cik, runDate }, ctx) {
      const url = companyFactsUrl(options.baseUrl, cik);
      const body = await fetchSec(url, { cik }, ctx, fetchOptions);
      const archived = await ctx.archive('fundamentals', runDate, body);
      return { ...archived, cik, origin: url };
    },
    async collectTickers({ runDate }, ctx) {
      const body = await fetchSec(tickersUrl, { file: 'company_tickers.json' }, ctx, fetchOptions);
      return { ...(await ctx.archive('tickers', runDate, body)), origin: tickersUrl };
    },
  };
}
