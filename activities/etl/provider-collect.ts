import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, isPriceProvider, type PriceProvider, type RawPart } from '../../contracts';
import type { ObjectStore } from '../../infra/s3';
import type { HttpPriceProvider, ProviderSymbolInput, SourceRegistry } from '../../sources';
import { heartbeating } from '../heartbeat';
import { sourceContext } from './source-context';

export interface FetchProviderSymbolInput extends ProviderSymbolInput {
  source: PriceProvider;
}

export interface ProbeProviderSymbolInput {
  source: PriceProvider;
  symbol: string;
}

/**
 * Collection from any HTTP provider, one request per activity on the provider's `etl-<provider>` queue, so the
 * queue's rate limit is the provider's. Retries are Temporal's: a 429 or 5xx fails the attempt, and the next
 * attempt is another rate-limited start, after the provider's Retry-After when it sent one.
 */
export function createProviderCollectActivities(
  s3: ObjectStore,
  sources: SourceRegistry,
  fetchImpl: typeof fetch = fetch,
) {
  const provider = (source: string): HttpPriceProvider => {
    if (!isPriceProvider(source)) {
      throw ApplicationFailure.nonRetryable(`"${source}" is not an HTTP price provider`, FAILURE_TYPES.invalidInput);
    }
    return sources[source];
  };
  return {
    /** Returns the archived object's key, never the bars: the transform reads them from S3. */
    fetchProviderSymbol: ({ source, ...input }: FetchProviderSymbolInput): Promise<RawPart> =>
      heartbeating((heartbeat) => provider(source).fetchSymbol(input, sourceContext(s3, fetchImpl, heartbeat))),
    probeProviderSymbol: ({ source, symbol }: ProbeProviderSymbolInput): Promise<void> => {
      const found = provider(source);
      const probe = found.probeSymbol?.bind(found);
      if (!probe) {
        throw ApplicationFailure.nonRetryable(`source "${source}" has no symbol probe`, FAILURE_TYPES.invalidInput);
      }
      return heartbeating((heartbeat) => probe({ symbol }, sourceContext(s3, fetchImpl, heartbeat)));
    },
  };
}
