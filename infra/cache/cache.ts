import type Redis from 'ioredis';
import { bumpVersions } from './versions';

/** What a cache read found: `bypass` means Redis could not answer, so the caller goes to the source. */
export type CacheRead<T> = { status: 'hit'; value: T } | { status: 'miss' } | { status: 'bypass' };

export interface CacheLogger {
  debug(details: object, message: string): void;
}

export interface JsonCache {
  getJson<T>(key: string): Promise<CacheRead<T>>;
  /** Resolves false when Redis could not store the value; never rejects. */
  setJson(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  /** The raw string at `key`, `null` when absent, `undefined` when Redis could not answer. */
  getString(key: string): Promise<string | null | undefined>;
  /** Stores `text` as it is (a serialised body, later served as bytes); resolves false when Redis could not. */
  setText(key: string, text: string, ttlSeconds: number): Promise<boolean>;
  /** Adds one to the version at `key`, announced to readers; resolves false when Redis could not, never rejects. */
  increment(key: string): Promise<boolean>;
  /** Adds one to the version at `key`, announced, and returns it; `undefined` when Redis could not. */
  nextVersion(key: string): Promise<number | undefined>;
}

/** A request waits at most this long for Redis: a hung cache must cost less than the query it saves. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 100;

const silentLogger: CacheLogger = { debug: () => undefined };

/**
 * A JSON cache over Redis that never throws: Redis is only a cache, so an outage or a slow server
 * turns every read into a bypass and every write into a no-op, logged at debug.
 */
export function createCache(
  redis: Redis,
  options: { logger?: CacheLogger; commandTimeoutMs?: number } = {},
): JsonCache {
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;

  async function attempt<T>(
    operation: string,
    key: string,
    command: () => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      return { ok: true, value: await withTimeout(command(), timeoutMs) };
    } catch (err) {
      logger.debug({ err, operation, key }, 'cache unavailable');
      return { ok: false };
    }
  }

  async function setText(key: string, text: string, ttlSeconds: number): Promise<boolean> {
    return (await attempt('set', key, () => redis.set(key, text, 'EX', ttlSeconds))).ok;
  }

  return {
    async getString(key) {
      const read = await attempt('get', key, () => redis.get(key));
      return read.ok ? read.value : undefined;
    },
    async getJson<T>(key: string): Promise<CacheRead<T>> {
      const read = await attempt('get', key, () => redis.get(key));
      if (!read.ok) return { status: 'bypass' };
      if (read.value === null) return { status: 'miss' };
      try {
        return { status: 'hit', value: JSON.parse(read.value) as T };
      } catch (err) {
        // A corrupt entry is a miss: the fresh value will overwrite it.
        logger.debug({ err, key }, 'cache entry is not JSON');
        return { status: 'miss' };
      }
    },
    async increment(key) {
      return (await attempt('incr', key, () => bumpVersions(redis, [key]))).ok;
    },
    async nextVersion(key) {
      const next = await attempt('incr', key, () => bumpVersions(redis, [key]));
      return next.ok ? next.value[0] : undefined;
    },
    setJson: (key, value, ttlSeconds) => setText(key, JSON.stringify(value), ttlSeconds),
    setText,
  };
}

/** Rejects after `ms`; the command itself may still complete later, which is harmless for a cache. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
