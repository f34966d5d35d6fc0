import type { HttpPriceProvider } from '../types';
import { requireApiKey } from '../http/api-key';
import { fetchProviderAnswer } from '../http/fetch-answer';
import { planProviderSymbols } from '../http/plan-symbols';
import { tiingoResponseFailure } from './classify';
import { buildTiingoUrl } from './url';

export interface TiingoSourceOptions {
  /** `config.tiingo.url`: scheme, host and port; the adapter appends `/tiingo/daily/{ticker}/prices`. */
  baseUrl: string;
  /** TIINGO_API_KEY; without it, plans and fetches fail with ProviderNotConfigured and nothing is sent. */
  apiKey?: string;
  /** Per-request limit, so one hung connection fails fast and is retried instead of eating the activity timeout. */
  requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** The variable that holds the key: failures and the etl worker's start-up warning name it. */
export const TIINGO_KEY_VARIABLE = 'TIINGO_API_KEY';

/**
 * Tiingo's end-of-day prices as a price source: one GET per ticker over the run's range, the key sent as
 * `Authorization: Token <key>` (never in the URL, so the recorded origin holds no secret), the JSON archived as is.
 */
export function createTiingoSource(options: TiingoSourceOptions): HttpPriceProvider {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    name: 'tiingo',
    plan: (input) =>
      Promise.resolve().then(() => {
        // Checked while planning, so a worker without the key fails the run before any batch starts.
        requireApiKey(options.apiKey, TIINGO_KEY_VARIABLE, 'Tiingo');
        return planProviderSymbols('tiingo', input);
      }),
    async fetchSymbol(input, ctx) {
      const apiKey = requireApiKey(options.apiKey, TIINGO_KEY_VARIABLE, 'Tiingo');
      const url = buildTiingoUrl(options.baseUrl, input);
      const answer = await fetchProviderAnswer(
        {
          provider: 'Tiingo',
          symbol: input.symbol,
          url,
          headers: { Authorization: `Token ${apiKey}`, 'Content-Type': 'application/json' },
          timeoutMs,
        },
        ctx,
      );
      const failure = tiingoResponseFailure(input.symbol, answer);
      if (failure) throw failure;
      const archived = await ctx.archiveRaw('tiingo', input.runDate, answer.body, 'json');
      return { ...archived, symbol: input.symbol, origin: url.toString(), format: 'tiingo-daily-json' };
    },
  };
}
