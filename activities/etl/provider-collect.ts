import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, isPriceProvider, type PriceProvider, type RawPart } from '../../contracts';
import type { ProviderHealthRecorder } from '../../infra/provider-health';
import type { ObjectStore } from '../../infra/s3';
import type { HttpPriceProvider, ProviderSymbolInput } from '../../sources';
import { isThrottle } from '../../sources/http/provider-failures';
import { heartbeating } from '../heartbeat';
import { sourceContext } from './source-context';

export interface FetchProviderSymbolInput extends ProviderSymbolInput {
  source: PriceProvider;
}

export interface ProbeProviderSymbolInput {
  source: PriceProvider;
  symbol: string;
}

/** Counts nothing: for callers without a health store. */
const UNCOUNTED: ProviderHealthRecorder = { record: () => Promise.resolve() };

/**
 * Collection from any HTTP provider, one request per activity on the provider's `etl-<provider>` queue, so the
 * queue's rate limit is the provider's. Retries are Temporal's: a 429 or 5xx fails the attempt, and the next
 * attempt is another rate-limited start, after the provider's Retry-After when it sent one. Each attempt is one
 * request, so this is where provider health is counted: a success, a throttle or a failure per attempt.
 */
export function createProviderCollectActivities(
  s3: ObjectStore,
  providers: Record<PriceProvider, HttpPriceProvider>,
  fetchImpl: typeof fetch = fetch,
  health: ProviderHealthRecorder = UNCOUNTED,
) {
  const provider = (source: string): HttpPriceProvider => {
    if (!isPriceProvider(source)) {
      throw ApplicationFailure.nonRetryable(`"${source}" is not an HTTP price provider`, FAILURE_TYPES.invalidInput);
    }
    return providers[source];
  };
  const counted = async <T>(source: PriceProvider, symbol: string, request: () => Promise<T>): Promise<T> => {
    let result: T;
    try {
      result = await request();
    } catch (err) {
      // A cancelled attempt says nothing about the provider.
      if (!Context.current().cancellationSignal.aborted) {
        await health.record(source, { kind: isThrottle(err) ? 'throttled' : 'failed', symbol });
      }
      throw err;
    }
    await health.record(source, { kind: 'success', symbol });
    return result;
  };
  return {
    /** Returns the archived object's key, never the bars: the transform reads them from S3. */
    fetchProviderSymbol: ({ source, ...input }: FetchProviderSymbolInput): Promise<RawPart> => {
      const found = provider(source);
      return counted(source, input.symbol, () =>
        heartbeating((heartbeat) => found.fetchSymbol(input, sourceContext(s3, fetchImpl, heartbeat))),
      );
    },
    probeProviderSymbol: ({ source, symbol }: ProbeProviderSymbolInput): Promise<void> => {
      const found = provider(source);
      const probe = found.probeSymbol?.bind(found);
      if (!probe) {
        throw ApplicationFailure.nonRetryable(`source "${source}" has no symbol probe`, FAILURE_TYPES.invalidInput);
      }
      return counted(source, symbol, () =>
        heartbeating((heartbeat) => probe({ symbol }, sourceContext(s3, fetchImpl, heartbeat))),
      );
    },
  };
}
