import type { CompanyFactsPart, PlannedFundamentalsBatch } from '../../contracts';

const batchKey = (ordinal: number): string => `b${String(ordinal).padStart(4, '0')}`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/** sec: companies to fetch, de-duplicated in the caller's order so batch keys are stable across retries. */
export const planCikBatches = (ciks: readonly number[], batchSize: number): PlannedFundamentalsBatch[] =>
  chunks([...new Set(ciks)], batchSize).map((group, i) => ({ batchKey: batchKey(i + 1), ciks: group }));

/** file: documents already archived, in file-name order. */
export const planPartBatches = (parts: readonly CompanyFactsPart[], batchSize: number): PlannedFundamentalsBatch[] =>
  chunks(parts, batchSize).map((group, i) => ({ batchKey: batchKey(i + 1), ciks: [], parts: group }));
