import type { PlannedBatch } from '../../contracts';

/**
 * Splits symbols into batches of `batchSize`. Symbols are upper-cased and de-duplicated so that `aapl.us` and
 * `AAPL.US` are fetched once; the caller's order is kept so batch keys are stable across retries of the plan.
 */
export function planStooqBatches(symbols: readonly string[], batchSize: number): PlannedBatch[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
  const unique = [...new Set(symbols.map((symbol) => symbol.trim().toUpperCase()).filter((symbol) => symbol !== ''))];
  const batches: PlannedBatch[] = [];
  for (let start = 0; start < unique.length; start += batchSize) {
    batches.push({ batchKey: batchKey(batches.length + 1), symbols: unique.slice(start, start + batchSize) });
  }
  return batches;
}

const batchKey = (ordinal: number): string => `b${String(ordinal).padStart(4, '0')}`;
