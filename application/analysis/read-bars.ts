/** A symbol's bars for analysis, read through the Redis cache: cached until the next load of the symbol. */
import { PRICE_CACHE_TTL_SECONDS, priceVersionKey, type JsonCache } from '../../infra/cache';
import { readAnalysisBars, type AnalysisBars, type Queryable } from '../../infra/repositories/analysis-bars';

/**
 * Versioned like the API's price ranges (the load bumps `prices:version:{symbol}`), but its own value shape. The
 * value holds the recorded actions too (`actions:`, so no entry cached before they were read is served).
 */
export const analysisBarsKey = (symbol: string, version: number, to?: string): string =>
  `analysis-bars:actions:${symbol}:v${version}:${to ?? 'end'}`;

export interface BarReaderDeps {
  db: Queryable;
  cache: JsonCache;
}

export type CacheStatus = 'hit' | 'miss' | 'bypass';

/** Bars up to `to` (open when absent); Redis down means straight from Postgres. */
export async function readBarsCached(
  { db, cache }: BarReaderDeps,
  symbol: string,
  to?: string,
): Promise<{ value: AnalysisBars; cache: CacheStatus }> {
  const version = await cache.getString(priceVersionKey(symbol));
  if (version === undefined) return { value: await readAnalysisBars(db, symbol, to), cache: 'bypass' };
  const key = analysisBarsKey(symbol, Number(version ?? 0), to);
  const read = await cache.getJson<AnalysisBars>(key);
  if (read.status === 'hit') return { value: read.value, cache: 'hit' };
  const value = await readAnalysisBars(db, symbol, to);
  if (read.status === 'miss') await cache.setJson(key, value, PRICE_CACHE_TTL_SECONDS);
  return { value, cache: read.status };
}
