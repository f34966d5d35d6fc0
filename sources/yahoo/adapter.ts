import { fetchProviderAnswer } from '../http/fetch-answer';
import { planProviderSymbols } from '../http/plan-symbols';
import type { HttpPriceProvider } from '../types';
import { yahooResponseFailure } from './classify';
import { buildYahooUrl } from './url';

export interface YahooSourceOptions {
  /** `config.yahoo.url`: scheme, host and port; the adapter appends the chart path. */
  baseUrl: string;
  /** Per-request limit, so one hung connection fails fast and is retried instead of eating the activity timeout. */
  requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Yahoo's chart API as a price source: one GET per symbol, its JSON archived as is and validated by the transform. */
export function createYahooSource(options: YahooSourceOptions): HttpPriceProvider {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    name: 'yahoo',
    plan: (input) => Promise.resolve().then(() => planProviderSymbols('yahoo', input)),
    async fetchSymbol(input, ctx) {
      const url = buildYahooUrl(options.baseUrl, input);
      const answer = await fetchProviderAnswer({ provider: 'Yahoo', symbol: input.symbol, url, timeoutMs }, ctx);
      const failure = yahooResponseFailure(input.symbol, answer);
      if (failure) throw failure;
      const archived = await ctx.archiveRaw('yahoo', input.runDate, answer.body, 'json');
      return { ...archived, symbol: input.symbol, origin: url.toString(), format: 'yahoo-chart-json' };
    },
  };
}
