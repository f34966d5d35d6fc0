import fp from 'fastify-plugin';
import { VersionWatch } from '../../infra/cache';
import { StoredJsonMemo } from '../stored-json';

declare module 'fastify' {
  interface FastifyInstance {
    /** Cached bodies this process has served, kept as bytes (see api/cached-json.ts). */
    storedJson: StoredJsonMemo;
    /** Versions of cache entries, kept current by the announcements of loads and analyses; absent without Redis. */
    cacheVersions?: VersionWatch;
  }
}

/**
 * 64 MB holds the securities list, an analysis document and a year of bars for every S&P 500 symbol, compressed
 * forms included. Ten seconds bounds how long a body or a version outlives a lost announcement or a Redis that lost
 * its version counters; announced bumps take effect at once.
 */
const MEMO = { maxBytes: 64 * 1024 * 1024, maxAgeMs: 10_000 };

export default fp(
  (fastify, _options, done) => {
    fastify.decorate('storedJson', new StoredJsonMemo(MEMO));
    // A connection of its own: a subscribed Redis connection can do nothing else.
    if (typeof fastify.redis.duplicate === 'function') {
      const watch = new VersionWatch(fastify.redis.duplicate(), { maxAgeMs: MEMO.maxAgeMs });
      fastify.decorate('cacheVersions', watch);
      fastify.addHook('onClose', () => watch.close());
    }
    done();
  },
  { name: 'stored-json', dependencies: ['redis'] },
);
