/** A symbol's bars for analysis, read through the Redis cache: cached until the next load of the symbol. */
import { PRICE_CACHE_TTL_SECONDS, priceVersionKey, type JsonCache } from '../../infra/cache';
import {
  decodeAnalysisBars,
  readAnalysisBars,
  readAnalysisBarsText,
  type AnalysisBars,
  type Queryable,
} from '../../infra/repositories/analysis-bars';

/**
 * Versioned like the API's price ranges (the load bumps `prices:version:{symbol}`), but its own value: the columns
 * text Postgres wrote (`columns:`, so no entry of an earlier shape is read as one).
 */
export const analysisBarsKey = (symbol: string, version: number, to?: string): string =>
  `analysis-bars:columns:${symbol}:v${version}:${to ?? 'end'}`;

export interface BarReaderDeps {
  db: Queryable;
  cache: JsonCache;
}

export type CacheStatus = 'hit' | 'miss' | 'bypass';

/**
 * Bars up to `to` (open when absent); Redis down means straight from Postgres. The text Postgres wrote is cached
 * as it is, so a miss costs no serialising, and a hit decodes like a read.
 */
export async function readBarsCached(
  { db, cache }: BarReaderDeps,
  symbol: string,
  to?: string,
): Promise<{ value: AnalysisBars; cache: CacheStatus }> {
  const version = await cache.getString(priceVersionKey(symbol));
  if (version === undefined) return { value: await readAnalysisBars(db, symbol, to), cache: 'bypass' };
  const key = analysisBarsKey(symbol, Number(version ?? 0), to);
  const cached = await cache.getString(key);
  if (typeof cached === 'string') {
    const value = decodeOrUndefined(symbol, cached);
    if (value) return { value, cache: 'hit' };
  }
  const text = await readAnalysisBarsText(db, symbol, to);
  // Stored unless Redis failed just now; a corrupt entry is overwritten.
  if (cached !== undefined) await cache.setText(key, text, PRICE_CACHE_TTL_SECONDS);
  return { value: decodeAnalysisBars(symbol, text), cache: cached === undefined ? 'bypass' : 'miss' };
}

function decodeOrUndefined(symbol: string, text: string): AnalysisBars | undefined {
  try {
    return decodeAnalysisBars(symbol, text);
  } catch {
    return undefined;
  }
}
