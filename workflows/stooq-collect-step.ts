import { proxyActivities } from '@temporalio/workflow';
import { ACTIVITY_OPTIONS, TASK_QUEUES, type IngestPricesRequest, type RawPart } from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import { collectSymbolsEach } from './symbol-collect';

const stooq = proxyActivities<ReturnType<typeof createEtlActivities>>(ACTIVITY_OPTIONS.collect(TASK_QUEUES.etlStooq));

/**
 * Stooq's per-symbol collection as recorded before the provider registry (`fetchStooqSymbol`, `probeStooqSymbol`):
 * kept for batches whose history has the `stooq-request-per-activity` marker but not `provider-registry`.
 */
export function collectStooqSymbols(
  request: IngestPricesRequest,
  symbols: string[],
  runDate: string,
): Promise<RawPart[]> {
  return collectSymbolsEach(request, symbols, runDate, {
    fetch: (query) =>
      stooq.fetchStooqSymbol.executeWithOptions({ summary: `Fetch ${query.symbol} from Stooq` }, [query]),
    probe: (symbol) =>
      stooq.probeStooqSymbol.executeWithOptions({ summary: `Check that Stooq knows ${symbol}` }, [{ symbol }]),
  });
}
