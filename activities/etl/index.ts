import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type PlannedBatch, type RawPart } from '../../contracts';
import type { ProviderHealthRecorder } from '../../infra/provider-health';
import type { ObjectStore } from '../../infra/s3';
import type { CollectInput, PlanInput, SourceRegistry } from '../../sources';
import type { SecSource } from '../../sources/sec';
import type { FredSource } from '../../sources/fred';
import { createFredCollectActivities } from './fred-collect';
import { createSecCollectActivities } from './fundamentals-collect';
import { planFundamentalsBatches, type PlanFundamentalsInput } from './fundamentals-plan';
import { transformFundamentalsBatch, type TransformFundamentalsBatchInput } from './fundamentals-transform';
import { heartbeating } from '../heartbeat';
import { sourceContext } from './source-context';
import { createProviderCollectActivities } from './provider-collect';
import { createStooqCollectActivities } from './stooq-collect';
import {
  transformPriceBatch,
  type TransformPriceBatchInput,
  type TransformPriceBatchResult,
} from './transform-price-batch';

export interface EtlDeps {
  s3: ObjectStore;
  sources: SourceRegistry;
  fetch?: typeof fetch;
  /** The SEC companyfacts adapter; without it the sec collect activities fail as not configured. */
  sec?: SecSource;
  /** The FRED observations adapter; without it the fred collect activity fails as not configured. */
  fred?: FredSource;
  /** MAX_LINE_BYTES for the transform's parser; the domain default (1 MiB) otherwise. */
  maxLineBytes?: number;
  /** Where each provider request is counted for `GET /v1/providers`; nothing is counted without it. */
  providerHealth?: ProviderHealthRecorder;
}

/** Collect and transform: network- and parse-bound work, hosted by the etl worker (and its provider queues). */
export function createEtlActivities(deps: EtlDeps) {
  const adapter = (source: string) => {
    const found = deps.sources[source as keyof SourceRegistry];
    if (!found) throw ApplicationFailure.nonRetryable(`unknown price source "${source}"`, FAILURE_TYPES.invalidInput);
    return found;
  };
  return {
    planPriceBatches: (input: PlanInput): Promise<PlannedBatch[]> =>
      heartbeating((heartbeat) =>
        adapter(input.request.source).plan(input, sourceContext(deps.s3, deps.fetch, heartbeat)),
      ),
    /** Batches started before `stooq-request-per-activity` collect here; new ones call `fetchStooqSymbol`. */
    collectPriceBatch: async (input: CollectInput): Promise<RawPart[]> => {
      const source = adapter(input.request.source);
      const collect = source.collect?.bind(source);
      if (!collect) {
        throw ApplicationFailure.nonRetryable(
          `source "${source.name}" is collected while planning`,
          FAILURE_TYPES.invalidInput,
        );
      }
      return heartbeating((heartbeat) => collect(input, sourceContext(deps.s3, deps.fetch, heartbeat)));
    },
    transformPriceBatch: (input: TransformPriceBatchInput): Promise<TransformPriceBatchResult> =>
      heartbeating((heartbeat, signal) => transformPriceBatch(deps.s3, input, heartbeat, deps.maxLineBytes, signal)),
    planFundamentalsBatches: (input: PlanFundamentalsInput) =>
      heartbeating((heartbeat) => planFundamentalsBatches(deps.s3, input, heartbeat)),
    transformFundamentalsBatch: (input: TransformFundamentalsBatchInput) =>
      heartbeating((heartbeat) => transformFundamentalsBatch(deps.s3, input, heartbeat)),
    ...createSecCollectActivities(deps.s3, deps.sec, deps.fetch),
    ...createFredCollectActivities(deps.s3, deps.fred, deps.fetch),
    ...createProviderCollectActivities(deps.s3, deps.sources, deps.fetch, deps.providerHealth),
    // Recorded in histories from before the provider registry; new runs call fetchProviderSymbol.
    ...createStooqCollectActivities(deps.s3, deps.sources.stooq, deps.fetch),
  };
}

export type EtlActivities = ReturnType<typeof createEtlActivities>;
