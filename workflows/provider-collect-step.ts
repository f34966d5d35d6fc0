import { proxyActivities } from '@temporalio/workflow';
import {
  ACTIVITY_OPTIONS,
  PRICE_PROVIDERS,
  providerTaskQueue,
  type IngestPricesRequest,
  type PriceProvider,
  type RawPart,
} from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import { collectSymbolsEach } from './symbol-collect';

/**
 * Any HTTP provider of `PRICE_PROVIDERS`: one request per activity on its own `etl-<provider>` queue, so the
 * queue's rate limit holds across every etl replica, and a Retry-After becomes the next retry's delay.
 */
export function collectProviderSymbols(
  provider: PriceProvider,
  request: IngestPricesRequest,
  symbols: string[],
  runDate: string,
): Promise<RawPart[]> {
  const activities = proxyActivities<ReturnType<typeof createEtlActivities>>(
    ACTIVITY_OPTIONS.collect(providerTaskQueue(provider)),
  );
  return collectSymbolsEach(request, symbols, runDate, {
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
  });
}
