import type { HttpPriceProvider } from '../types';
import { requireApiKey } from '../http/api-key';
import { fetchProviderAnswer } from '../http/fetch-answer';
import { planProviderSymbols } from '../http/plan-symbols';
import { redactUrl } from '../http/redact-url';
import { alphaVantageResponseFailure } from './classify';
import { buildAlphaVantageUrl } from './url';

export interface AlphaVantageSourceOptions {
  /** `config.alphavantage.url`: scheme, host and port; the adapter appends `/query?…`. */
  baseUrl: string;
  /** ALPHAVANTAGE_API_KEY; without it, plans and fetches fail with ProviderNotConfigured and nothing is sent. */
  apiKey?: string;
  /** Per-request limit, so one hung connection fails fast and is retried instead of eating the activity timeout. */
  requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** The variable that holds the key: failures and the etl worker's start-up warning name it. */
export const ALPHAVANTAGE_KEY_VARIABLE = 'ALPHAVANTAGE_API_KEY';

/**
 * Alpha Vantage's TIME_SERIES_DAILY_ADJUSTED as a price source: one GET per symbol for its whole history, archived as
 * received (its `apikey` left out of the recorded origin) and read by the transform, which keeps the run's range.
 */
export function createAlphaVantageSource(options: AlphaVantageSourceOptions): HttpPriceProvider {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    name: 'alphavantage',
    plan: (input) =>
      Promise.resolve().then(() => {
        // Checked while planning, so a worker without the key fails the run before any batch starts.
        requireApiKey(options.apiKey, ALPHAVANTAGE_KEY_VARIABLE, 'Alpha Vantage');
        return planProviderSymbols('alphavantage', input);
      }),
    async fetchSymbol(input, ctx) {
      const apiKey = requireApiKey(options.apiKey, ALPHAVANTAGE_KEY_VARIABLE, 'Alpha Vantage');
      const url = buildAlphaVantageUrl(options.baseUrl, input.symbol, apiKey);
      const answer = await fetchProviderAnswer(
        { provider: 'Alpha Vantage', symbol: input.symbol, url, timeoutMs },
        ctx,
      );
      const failure = alphaVantageResponseFailure(input.symbol, answer);
      if (failure) throw failure;
      const ext = answer.body.toString('utf8', 0, 64).trimStart().startsWith('{') ? 'json' : 'csv';
      const archived = await ctx.archiveRaw('alphavantage', input.runDate, answer.body, ext);
      return { ...archived, symbol: input.symbol, origin: redactUrl(url), format: 'alphavantage-daily' };
    },
  };
}
