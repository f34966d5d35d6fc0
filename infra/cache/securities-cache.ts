import type { CacheRead, JsonCache } from './cache';

export const SECURITIES_LIST_TTL_SECONDS = 60 * 60;

/**
 * The list changes when bars are loaded (span, last close) and when a symbol is analysed (its figures): both bump
 * this counter after their data is committed. A reader takes the version before it queries Postgres, so a list
 * read just before a bump is stored under the old version, which nothing reads any more, never under the new one.
 */
export const SECURITIES_LIST_VERSION_KEY = 'securities:list:version';

export const securitiesListKey = (version: number): string => `securities:list:v${version}`;

export interface SecuritiesListSlot<T> {
  /** The versioned key to write a fresh list to; absent when Redis is unavailable. */
  key?: string;
  read: CacheRead<T>;
}

/** Looks the list up under the current version. Old versions are never deleted: their TTL removes them. */
export async function readSecuritiesList<T>(cache: JsonCache): Promise<SecuritiesListSlot<T>> {
  const version = await cache.getString(SECURITIES_LIST_VERSION_KEY);
  if (version === undefined) return { read: { status: 'bypass' } };
  const key = securitiesListKey(Number(version ?? 0));
  return { key, read: await cache.getJson<T>(key) };
}

/** After an analysis is stored: the cached list no longer shows its figures. Resolves false when Redis failed. */
export function invalidateSecuritiesList(cache: Pick<JsonCache, 'increment'>): Promise<boolean> {
  return cache.increment(SECURITIES_LIST_VERSION_KEY);
}
