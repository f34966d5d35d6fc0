import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import {
  ACTIVITY_OPTIONS,
  PRICE_PROVIDERS,
  providerTaskQueue,
  type IngestPricesRequest,
  type PriceProvider,
  type RawPart,
} from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import { everyProviderFailed, firstProviderThatAnswers } from './provider-failover';
import { collectSymbol, partsOf, type SymbolActivities, type SymbolOutcome } from './symbol-collect';

/**
 * `source: "auto"`: each symbol from the first provider of the batch's order that answers it. A provider that does
 * not know the symbol, refuses it, or still fails after its few retries (a throttling provider, in bounded time)
 * passes it to the next; the symbol fails only when every provider failed, naming each one's reason. Each part
 * keeps the provider that answered, so its rows are loaded under that provider's name.
 */
export async function collectWithFailover(
  request: IngestPricesRequest,
  symbols: string[],
  runDate: string,
  providers: readonly PriceProvider[],
): Promise<RawPart[]> {
  const activities = Object.fromEntries(providers.map((p) => [p, providerActivities(p)])) as Record<
    PriceProvider,
    SymbolActivities
  >;
  const outcomes = await Promise.all(
    symbols.map((symbol) => collectFromFirstThatAnswers(request, symbol, runDate, providers, activities)),
  );
  return partsOf(outcomes);
}

async function collectFromFirstThatAnswers(
  request: IngestPricesRequest,
  symbol: string,
  runDate: string,
  providers: readonly PriceProvider[],
  activities: Record<PriceProvider, SymbolActivities>,
): Promise<SymbolOutcome> {
  const result = await firstProviderThatAnswers<RawPart | null>(providers, async (provider) => {
    const outcome = await collectSymbol(request, symbol, runDate, activities[provider]);
    return 'failure' in outcome ? { failure: outcome.failure } : { value: outcome.part };
  });
  if ('failures' in result) {
    const failure = everyProviderFailed(symbol, result.failures);
    const error = ApplicationFailure.nonRetryable(failure.message, failure.type, { symbol, failures: result.failures });
    return { symbol, failure, error };
  }
  return { symbol, part: result.value && { ...result.value, provider: result.provider } };
}

/** A provider's one-request activities with the failover's bounded retries, on the provider's own queue. */
function providerActivities(provider: PriceProvider): SymbolActivities {
  const activities = proxyActivities<ReturnType<typeof createEtlActivities>>(
    ACTIVITY_OPTIONS.failoverCollect(providerTaskQueue(provider)),
  );
  return {
    fetch: (query) =>
      activities.fetchProviderSymbol.executeWithOptions({ summary: `Fetch ${query.symbol} from ${provider}` }, [
        { source: provider, ...query },
      ]),
    probe: PRICE_PROVIDERS[provider].probesUnknownSymbol
      ? (symbol) =>
          activities.probeProviderSymbol.executeWithOptions({ summary: `Check that ${provider} knows ${symbol}` }, [
            { source: provider, symbol },
          ])
      : undefined,
  };
}
