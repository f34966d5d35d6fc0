import type { JsonCache } from './cache';
import type { VersionedEntry } from './versioned';

export const SECURITIES_LIST_TTL_SECONDS = 60 * 60;

/**
 * The list changes when bars are loaded (span, last close) and when a symbol is analysed (its figures): both bump
 * this counter after their data is committed. A reader takes the version before it queries Postgres, so a list
 * read just before a bump is stored under the old version, which nothing reads any more, never under the new one.
 */
export const SECURITIES_LIST_VERSION_KEY = 'securities:list:version';

export const securitiesListKey = (version: number): string => `securities:list:v${version}`;

export const securitiesListEntry: VersionedEntry = {
  versionKey: SECURITIES_LIST_VERSION_KEY,
  keyAt: securitiesListKey,
  ttlSeconds: SECURITIES_LIST_TTL_SECONDS,
};

/** After an analysis is stored: the cached list no longer shows its figures. Resolves false when Redis failed. */
export function invalidateSecuritiesList(cache: Pick<JsonCache, 'increment'>): Promise<boolean> {
  return cache.increment(SECURITIES_LIST_VERSION_KEY);
}
