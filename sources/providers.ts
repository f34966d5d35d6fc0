import { PRICE_PROVIDER_NAMES, type PriceProvider } from '../contracts';
import { createStooqSource } from './stooq';
import { createYahooSource } from './yahoo';
import type { HttpPriceProvider } from './types';
import type { StooqSource } from './stooq/types';

/** What each provider needs from config: its `<PROVIDER>_URL` and `<PROVIDER>_REQUESTS_PER_SECOND`. */
export interface ProviderSettings {
  url: string;
  requestsPerSecond: number;
}

export type PriceProviders = Record<PriceProvider, HttpPriceProvider> & { stooq: StooqSource };

/** One entry per provider of `PRICE_PROVIDERS`: how its adapter is built from its settings. */
const ADAPTERS: { [P in PriceProvider]: (settings: ProviderSettings) => PriceProviders[P] } = {
  stooq: ({ url }) => createStooqSource({ baseUrl: url }),
  yahoo: ({ url }) => createYahooSource({ baseUrl: url }),
};

/** The etl worker's HTTP adapters, built once per process from the config of every provider. */
export function createPriceProviders(settings: Record<PriceProvider, ProviderSettings>): PriceProviders {
  const entries = PRICE_PROVIDER_NAMES.map((name) => [name, ADAPTERS[name](settings[name])] as const);
  return Object.fromEntries(entries) as PriceProviders;
}
