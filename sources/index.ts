import type { PriceSource } from '../contracts';
import type { PriceSourceAdapter } from './types';

export type SourceRegistry = Record<PriceSource, PriceSourceAdapter>;
export type { PriceSourceAdapter, SourceContext, PlanInput, CollectInput } from './types';
