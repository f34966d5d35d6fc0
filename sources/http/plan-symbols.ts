import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type PlannedBatch } from '../../contracts';
import { planStooqBatches as planSymbolBatches } from '../stooq/plan';
import type { PlanInput } from '../types';

/** A provider run's batches: its symbols, de-duplicated, `batchSize` per batch; a run without symbols is refused. */
export function planProviderSymbols(provider: string, input: PlanInput): PlannedBatch[] {
  const symbols = input.request.symbols ?? [];
  if (symbols.length === 0) {
    throw ApplicationFailure.nonRetryable(`A ${provider} run needs at least one symbol`, FAILURE_TYPES.invalidInput);
  }
  return planSymbolBatches(symbols, input.batchSize);
}
