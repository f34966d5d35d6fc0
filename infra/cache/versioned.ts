import type { JsonCache } from './cache';
import type { VersionWatch } from './version-watch';

/**
 * A cache entry under a version counter. `keyAt(version)` holds the value for that version; bumping the counter
 * (after the data behind it has committed) makes every older key unreachable, and their TTL removes them. A key is
 * filled at most once per version from the data of that version, so while its version is current it always names
 * the same bytes: what lets a reader keep them in memory and skip Redis.
 */
export interface VersionedEntry {
  versionKey: string;
  keyAt(version: number): string;
  ttlSeconds: number;
}

/**
 * The key of the entry's current version; `undefined` when Redis cannot answer (the caller bypasses the cache). With a
 * watch, a version it knows is used without asking Redis, and one read from Redis is remembered.
 */
export async function currentKey(
  cache: Pick<JsonCache, 'getString'>,
  entry: VersionedEntry,
  watch?: Pick<VersionWatch, 'known' | 'learn'>,
): Promise<string | undefined> {
  const known = watch?.known(entry.versionKey);
  if (known !== undefined) return entry.keyAt(known);
  const read = await cache.getString(entry.versionKey);
  if (read === undefined) return undefined;
  const version = Number(read ?? 0);
  watch?.learn(entry.versionKey, version);
  return entry.keyAt(version);
}
