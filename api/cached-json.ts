import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentKey, type JsonCache, type VersionedEntry, type VersionWatch } from '../infra/cache';
import { sendStoredJson, StoredJson, type StoredJsonMemo } from './stored-json';

export interface CachedJsonDeps {
  cache: JsonCache;
  storedJson: StoredJsonMemo;
  cacheVersions?: VersionWatch;
}

/**
 * Read-through for a versioned entry, answered as stored bytes: from this process's memory, else from Redis, else
 * from `load`, whose body is stored in both under the version read before loading (a load that commits meanwhile
 * bumps the version, so what was read before it is never served as the new version). `x-cache` says which.
 */
export async function replyCachedJson(
  deps: CachedJsonDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  entry: VersionedEntry,
  load: () => Promise<unknown>,
): Promise<void> {
  const key = await currentKey(deps.cache, entry, deps.cacheVersions);
  if (key === undefined) return send('bypass', new StoredJson(JSON.stringify(await load())));

  const inMemory = deps.storedJson.get(key);
  if (inMemory) return send('hit', inMemory);
  const text = await deps.cache.getString(key);
  if (typeof text === 'string') return send('hit', deps.storedJson.remember(key, text));

  const fresh = JSON.stringify(await load());
  // Redis failed between the two reads: answer, but keep nothing that Redis does not hold too.
  if (text === undefined) return send('bypass', new StoredJson(fresh));
  await deps.cache.setText(key, fresh, entry.ttlSeconds);
  return send('miss', deps.storedJson.remember(key, fresh));

  function send(status: 'hit' | 'miss' | 'bypass', stored: StoredJson): void {
    sendStoredJson(request, reply.header('x-cache', status), stored);
  }
}
