import type Redis from 'ioredis';
import { withTimeout, type CacheRead, type JsonCache } from './cache';
import { SECURITIES_LIST_VERSION_KEY } from './securities-cache';

/** Price series change only when a load runs, which bumps the version; the TTL bounds what a missed bump costs. */
export const PRICE_CACHE_TTL_SECONDS = 60 * 60;

export const priceVersionKey = (symbol: string): string => `prices:version:${symbol}`;

/** Open ends of a range are part of the key, so "from 2020" and "from 2020 to 2021" are separate entries. */
export const priceRangeKey = (symbol: string, version: number, from?: string, to?: string): string =>
  `prices:${symbol}:v${version}:${from ?? 'start'}:${to ?? 'end'}`;

export interface PriceCacheSlot<T> {
  /** The versioned key to write a fresh value to; absent when Redis is unavailable. */
  key?: string;
  read: CacheRead<T>;
}

/**
 * Looks up a price range under the symbol's current version. Old versions are never deleted:
 * nothing reads them any more and their TTL removes them.
 */
export async function readPriceRange<T>(
  cache: JsonCache,
  symbol: string,
  from?: string,
  to?: string,
): Promise<PriceCacheSlot<T>> {
  const version = await cache.getString(priceVersionKey(symbol));
  if (version === undefined) return { read: { status: 'bypass' } };
  const key = priceRangeKey(symbol, Number(version ?? 0), from, to);
  return { key, read: await cache.getJson<T>(key) };
}

/**
 * A load has committed when it invalidates: a paused or hung Redis (connected, not answering) must not hold the
 * activity. After this the invalidation rejects and the load logs it and moves on; the TTL bounds staleness.
 */
export const INVALIDATION_TIMEOUT_MS = 2000;

/**
 * Makes every cached range of these symbols and the cached securities list unreachable. Called by the load step
 * after new bars are committed. Unlike reads it rejects when Redis fails or does not answer within `timeoutMs`, so
 * the caller decides (the load logs it and moves on: a lost invalidation serves stale prices until the TTL).
 */
export async function invalidatePriceCaches(
  redis: Pick<Redis, 'multi'>,
  symbols: string[],
  timeoutMs = INVALIDATION_TIMEOUT_MS,
): Promise<void> {
  const pipeline = redis.multi();
  for (const symbol of new Set(symbols)) pipeline.incr(priceVersionKey(symbol));
  pipeline.incr(SECURITIES_LIST_VERSION_KEY);
  const results = await withTimeout(pipeline.exec(), timeoutMs);
  const failed = results?.find(([err]) => err);
  if (!results || failed) throw failed?.[0] ?? new Error('cache invalidation was aborted');
}
