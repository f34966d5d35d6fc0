import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type PriceProvider } from '../../contracts';
import { planStooqBatches as planSymbolBatches } from '../stooq/plan';
import type { PriceSourceAdapter } from '../types';

/**
 * `source: "auto"`: batches of symbols as for one provider, each carrying the worker's PRICE_PROVIDER_ORDER, so the
 * batch workflow knows which providers to try for each symbol (in its history, hence deterministic on replay) and a
 * scheduled run follows the order configured when it runs.
 */
export function createAutoSource(order: readonly PriceProvider[]): PriceSourceAdapter {
  if (order.length === 0) throw new RangeError('source "auto" needs at least one provider to try');
  return {
    name: 'auto',
    plan: (input) =>
      Promise.resolve().then(() => {
        const symbols = input.request.symbols ?? [];
        if (symbols.length === 0) {
          throw ApplicationFailure.nonRetryable('An auto run needs at least one symbol', FAILURE_TYPES.invalidInput);
        }
        return planSymbolBatches(symbols, input.batchSize).map((batch) => ({ ...batch, providers: [...order] }));
      }),
  };
}
