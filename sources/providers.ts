import { PRICE_PROVIDER_NAMES, type PriceProvider } from '../contracts';
import { createAlphaVantageSource } from './alphavantage';
import { createStooqSource } from './stooq';
import { createTiingoSource } from './tiingo';
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

/** One entry per provider of `PRICE_PROVIDERS`: how its adapter is built from its settings. */
const ADAPTERS: { [P in PriceProvider]: (settings: ProviderSettings) => PriceProviders[P] } = {
  stooq: ({ url }) => createStooqSource({ baseUrl: url }),
  yahoo: ({ url }) => createYahooSource({ baseUrl: url }),
  alphavantage: ({ url, apiKey }) => createAlphaVantageSource({ baseUrl: url, apiKey }),
  tiingo: ({ url, apiKey }) => createTiingoSource({ baseUrl: url, apiKey }),
};

/** The etl worker's HTTP adapters, built once per process from the config of every provider. */
export function createPriceProviders(settings: Record<PriceProvider, ProviderSettings>): PriceProviders {
  const entries = PRICE_PROVIDER_NAMES.map((name) => [name, ADAPTERS[name](settings[name])] as const);
  return Object.fromEntries(entries) as PriceProviders;
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
