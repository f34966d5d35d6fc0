import type Redis from 'ioredis';
import { withTimeout } from './cache';
import { SECURITIES_LIST_VERSION_KEY } from './securities-cache';
import { bumpVersions } from './versions';
import type { VersionedEntry } from './versioned';

/** Price series change only when a load runs, which bumps the version; the TTL bounds what a missed bump costs. */
export const PRICE_CACHE_TTL_SECONDS = 60 * 60;

export const priceVersionKey = (symbol: string): string => `prices:version:${symbol}`;

/**
 * Open ends of a range are part of the key, so "from 2020" and "from 2020 to 2021" are separate entries; so is the
 * adjustment: the recorded actions it applies change only with a load, which bumps the version after recording them.
 */
export const priceRangeKey = (
  symbol: string,
  version: number,
  range: { from?: string; to?: string; adjust?: string } = {},
): string => `prices:${symbol}:v${version}:${range.from ?? 'start'}:${range.to ?? 'end'}:${range.adjust ?? 'none'}`;

/** A range of one symbol's bars as the prices route answers it. Old versions are never deleted: their TTL is. */
export const priceRangeEntry = (
  symbol: string,
  range: { from?: string; to?: string; adjust?: string } = {},
): VersionedEntry => ({
  versionKey: priceVersionKey(symbol),
  keyAt: (version) => priceRangeKey(symbol, version, range),
  ttlSeconds: PRICE_CACHE_TTL_SECONDS,
});

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
  redis: Pick<Redis, 'eval' | 'options'>,
  symbols: string[],
  timeoutMs = INVALIDATION_TIMEOUT_MS,
): Promise<void> {
  await withTimeout(bumpVersions(redis, [...symbols.map(priceVersionKey), SECURITIES_LIST_VERSION_KEY]), timeoutMs);
}
