import { createHash, timingSafeEqual } from 'node:crypto';
import type { onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { unauthorized } from '../errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook that rejects a request without a valid x-api-key; runs before the body is read. */
    requireApiKey: onRequestHookHandler;
  }
}

// Comparing digests gives equal-length buffers, so the time says nothing about a key's length or prefix, and the
// server can be configured with digests only (API_KEY_HASHES).
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** `keyHashes` are sha256 hex digests of the accepted keys. */
export function isValidApiKey(presented: string | undefined, keyHashes: readonly string[]): boolean {
  if (!presented) return false;
  const candidate = digest(presented);
  // Every digest is compared, so the time does not reveal which one matched.
  return keyHashes.reduce((found, hash) => timingSafeEqual(candidate, Buffer.from(hash, 'hex')) || found, false);
}

export default fp<{ config: Config }>(
  (fastify, { config }, done) => {
    const hashes = config.api.keyHashes.filter((hash) => /^[0-9a-f]{64}$/.test(hash));
    const requireApiKey: onRequestHookHandler = (request, _reply, next) => {
      const header = request.headers['x-api-key'];
      next(isValidApiKey(typeof header === 'string' ? header : undefined, hashes) ? undefined : unauthorized());
    };
    fastify.decorate('requireApiKey', requireApiKey);
    done();
  },
  { name: 'api-key' },
);
