import type { PriceProvider } from '../contracts';
import type { HttpPriceProvider, PriceSourceAdapter } from './types';
import type { StooqSource } from './stooq/types';

/**
 * An adapter for every price source: local files, and every HTTP provider of `PRICE_PROVIDERS`. Stooq's is typed
 * as its own for the per-symbol activities recorded before the provider registry (`fetchStooqSymbol`).
 */
export type SourceRegistry = { csv: PriceSourceAdapter } & Record<PriceProvider, HttpPriceProvider> & {
    stooq: StooqSource;
  };

export type {
  PriceSourceAdapter,
  HttpPriceProvider,
  ProviderSymbolInput,
  SourceContext,
  PlanInput,
  CollectInput,
} from './types';
