import type { PriceProvider } from '../contracts';
import type { HttpPriceProvider, PriceSourceAdapter } from './types';
import type { StooqSource } from './stooq/types';

/**
 * An adapter for every price source: local files, every HTTP provider of `PRICE_PROVIDERS`, and `auto` (which only
 * plans: its symbols are fetched through the providers' own adapters). Stooq's is typed
 * as its own for the per-symbol activities recorded before the provider registry (`fetchStooqSymbol`).
 */
export type SourceRegistry = { csv: PriceSourceAdapter; auto: PriceSourceAdapter } & Record<
  PriceProvider,
  HttpPriceProvider
> & {
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
