import { PRICE_PROVIDER_NAMES, type PriceProvider } from '../contracts';
import { ALPHAVANTAGE_KEY_VARIABLE, createAlphaVantageSource } from './alphavantage';
import { createStooqSource } from './stooq';
import { createTiingoSource, TIINGO_KEY_VARIABLE } from './tiingo';
import { createYahooSource } from './yahoo';
import type { HttpPriceProvider } from './types';
import type { StooqSource } from './stooq/types';

/**
 * What each provider needs from config: its `<PROVIDER>_URL`, `<PROVIDER>_REQUESTS_PER_SECOND` and, for those that
 * need one, `<PROVIDER>_API_KEY`. `Config` holds one of these under each provider's name.
 */
export interface ProviderSettings {
  url: string;
  requestsPerSecond: number;
  apiKey?: string;
}

export type PriceProviders = Record<PriceProvider, HttpPriceProvider> & { stooq: StooqSource };

/**
 * One entry per provider of `PRICE_PROVIDERS`: how its adapter is built from its settings, and for a provider that
 * needs a key, the variable that holds it.
 */
const ADAPTERS: {
  [P in PriceProvider]: { build: (settings: ProviderSettings) => PriceProviders[P]; apiKeyVariable?: string };
} = {
  stooq: { build: ({ url }) => createStooqSource({ baseUrl: url }) },
  yahoo: { build: ({ url }) => createYahooSource({ baseUrl: url }) },
  alphavantage: {
    build: ({ url, apiKey }) => createAlphaVantageSource({ baseUrl: url, apiKey }),
    apiKeyVariable: ALPHAVANTAGE_KEY_VARIABLE,
  },
  tiingo: {
    build: ({ url, apiKey }) => createTiingoSource({ baseUrl: url, apiKey }),
    apiKeyVariable: TIINGO_KEY_VARIABLE,
  },
};

/** The etl worker's HTTP adapters, built once per process from the config of every provider. */
export function createPriceProviders(settings: Record<PriceProvider, ProviderSettings>): PriceProviders {
  const entries = PRICE_PROVIDER_NAMES.map((name) => [name, ADAPTERS[name].build(settings[name])] as const);
  return Object.fromEntries(entries) as PriceProviders;
}

/**
 * The providers that need a key and have none, with the variable to set: the etl worker names them at start, and
 * their adapters refuse their runs (ProviderNotConfigured) rather than send a request the provider would refuse.
 */
export function providersWithoutApiKey(
  settings: Record<PriceProvider, ProviderSettings>,
): { provider: PriceProvider; variable: string }[] {
  return PRICE_PROVIDER_NAMES.flatMap((provider) => {
    const variable = ADAPTERS[provider].apiKeyVariable;
    return variable && !settings[provider].apiKey ? [{ provider, variable }] : [];
  });
}

/** Each provider's queue rate, `<PROVIDER>_REQUESTS_PER_SECOND`, for the etl worker's provider queues. */
export function providerRequestsPerSecond(
  settings: Record<PriceProvider, ProviderSettings>,
): Record<PriceProvider, number> {
  return Object.fromEntries(PRICE_PROVIDER_NAMES.map((name) => [name, settings[name].requestsPerSecond])) as Record<
    PriceProvider,
    number
  >;
}
