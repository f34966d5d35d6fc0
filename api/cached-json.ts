import type { FastifyReply, FastifyRequest } from 'fastify';
import { currentKey, type JsonCache, type VersionedEntry, type VersionWatch } from '../infra/cache';
import type { EdgeCache } from './edge-cache';
import { sendStoredJson, StoredJson, type StoredJsonMemo } from './stored-json';

export interface CachedJsonDeps {
  cache: JsonCache;
  storedJson: StoredJsonMemo;
  cacheVersions?: VersionWatch;
  edgeCache?: EdgeCache;
}

/**
 * Read-through for a versioned entry, answered as stored bytes: from this process's memory, else from Redis, else
 * from `load`, whose body is stored in both under the version read before loading (a load that commits meanwhile
 * bumps the version, so what was read before it is never served as the new version). `x-cache` says which.
 *
 * A body in memory under a version this process already knows is answered at once, without a promise: once the
 * Temporal client has made its first call it has entered an AsyncLocalStorage, which gives every promise the process
 * makes from then on an init hook, and a cached read's own promises were a tenth of its time. Such a hit is also
 * remembered by the edge cache, which answers the same URL's next reads before Fastify routes them.
 */
export function replyCachedJson(
  deps: CachedJsonDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  entry: VersionedEntry,
  load: () => Promise<unknown>,
): void | Promise<void> {
  const known = deps.cacheVersions?.known(entry.versionKey);
  if (known !== undefined) {
    const key = entry.keyAt(known);
    const inMemory = deps.storedJson.get(key);
    if (inMemory) {
      deps.edgeCache?.remember(request, entry.versionKey, known, key);
      return sendStored(request, reply, 'hit', inMemory);
    }
  }
  return readThrough(deps, request, reply, entry, load);
}

async function readThrough(
  deps: CachedJsonDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  entry: VersionedEntry,
  load: () => Promise<unknown>,
): Promise<void> {
  const key = await currentKey(deps.cache, entry, deps.cacheVersions);
  const send = (status: CacheStatus, stored: StoredJson) => sendStored(request, reply, status, stored);
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
}

type CacheStatus = 'hit' | 'miss' | 'bypass';

function sendStored(request: FastifyRequest, reply: FastifyReply, status: CacheStatus, stored: StoredJson): void {
  sendStoredJson(request, reply.header('x-cache', status), stored);
}
