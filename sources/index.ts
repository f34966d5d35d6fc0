import type { PriceSource } from '../contracts';
import type { PriceSourceAdapter } from './types';
import type { StooqSource } from './stooq/types';

/** An adapter for every price source; Stooq's also fetches one symbol per request, for its per-symbol activities. */
export interface SourceRegistry extends Record<PriceSource, PriceSourceAdapter> {
  stooq: StooqSource;
}
export type { PriceSourceAdapter, SourceContext, PlanInput, CollectInput } from './types';
