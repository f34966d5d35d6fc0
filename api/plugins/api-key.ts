import { createHash, timingSafeEqual } from 'node:crypto';
import type { onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { unauthorized } from '../errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** onRequest hook for mutating routes: runs before body parsing, so unauthenticated bodies are never read. */
    requireApiKey: onRequestHookHandler;
  }
}

// Hashing first gives equal-length buffers, so the comparison time says nothing about the key's length or prefix.
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

export function isValidApiKey(presented: string | undefined, keys: readonly string[]): boolean {
  if (!presented) return false;
  const candidate = digest(presented);
  // Every key is compared, so the time does not reveal which one matched.
  return keys.reduce((found, key) => timingSafeEqual(candidate, digest(key)) || found, false);
}

export default fp<{ config: Config }>(
  (fastify, { config }, done) => {
    const requireApiKey: onRequestHookHandler = (request, _reply, next) => {
      const header = request.headers['x-api-key'];
      next(
        isValidApiKey(typeof header === 'string' ? header : undefined, config.api.keys) ? undefined : unauthorized(),
      );
    };
    fastify.decorate('requireApiKey', requireApiKey);
    done();
  },
  { name: 'api-key' },
);
