import path from 'node:path';
import { paddedCik, type CompanyFactsPart, type ObjectRef, type PlannedFundamentalsBatch } from '../../contracts';

const batchKey = (ordinal: number): string => `b${String(ordinal).padStart(4, '0')}`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

/**
 * sec: companies to fetch, de-duplicated in the caller's order so batch keys are stable across retries. Each
 * batch names the requested symbols of its companies; unknown symbols make a last batch of their own, which fails
 * by symbol without stopping the others.
 */
export function planCikBatches(
  companies: readonly { cik: number; symbols: string[] }[],
  unknownSymbols: readonly string[],
  batchSize: number,
  tickers: ObjectRef | null,
): PlannedFundamentalsBatch[] {
  const symbolsByCik = new Map<number, string[]>();
  for (const { cik, symbols } of companies) symbolsByCik.set(cik, [...(symbolsByCik.get(cik) ?? []), ...symbols]);
  const batches: PlannedFundamentalsBatch[] = chunks([...symbolsByCik.keys()], batchSize).map((ciks, i) => ({
    batchKey: batchKey(i + 1),
    symbols: ciks.flatMap((cik) => {
      const symbols = [...new Set(symbolsByCik.get(cik))];
      return symbols.length ? symbols : [paddedCik(cik)];
    }),
    ciks,
    tickers,
  }));
  if (unknownSymbols.length) {
    batches.push({
      batchKey: batchKey(batches.length + 1),
      symbols: [...unknownSymbols],
      ciks: [],
      tickers,
      unknownSymbols: [...unknownSymbols],
    });
  }
  return batches;
}

const CIK_IN_NAME = /CIK(\d{10})/i;

/** file: documents already archived, in file-name order. */
export const planPartBatches = (
  parts: readonly CompanyFactsPart[],
  batchSize: number,
  tickers: ObjectRef | null,
): PlannedFundamentalsBatch[] =>
  chunks(parts, batchSize).map((group, i) => ({
    batchKey: batchKey(i + 1),
    symbols: group.map((part) => {
      const name = path.basename(part.origin);
      const cik = CIK_IN_NAME.exec(name);
      return cik ? paddedCik(Number(cik[1])) : name;
    }),
    ciks: [],
    parts: group,
    tickers,
  }));
