import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { HttpError } from '../errors';
import { isValidApiKey } from './api-key';
import { createRateLimitStore } from './rate-limit-store';

const WINDOW_MS = 60_000;

/**
 * API_RATE_LIMIT_PER_MINUTE requests per client and minute, on every request (docs, ops and unknown URLs included): a
 * client is its API key when it sends a valid one, else its address, so random keys do not buy fresh limits. Every
 * answer says the limit, what is left and when the window resets; a refusal is a 429 with Retry-After.
 *
 * A callback hook over the store, not @fastify/rate-limit's hook: that one is async and made eight promises per
 * request — once the Temporal client has entered its AsyncLocalStorage, each with an init hook — the last promises a
 * cached read made; this one answers synchronously while the replica holds a lease of counts (see the store).
 */
export default fp<{ config: Config }>(
  (fastify, { config }, done) => {
    const max = config.api.rateLimitPerMinute;
    const store = createRateLimitStore(fastify.redis);
    const clientOf = (request: FastifyRequest): string => {
      const key = request.headers['x-api-key'];
      return typeof key === 'string' && isValidApiKey(key, config.api.keyHashes)
        ? `key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`
        : `ip:${request.ip}`;
    };

    fastify.addHook('onRequest', (request, reply, next) => {
      store.incr(clientOf(request), WINDOW_MS, max, ({ current, ttl }) => {
        const resetSeconds = Math.ceil(ttl / 1000);
        void reply
          .header('x-ratelimit-limit', max)
          .header('x-ratelimit-remaining', Math.max(0, max - current))
          .header('x-ratelimit-reset', resetSeconds);
        if (current <= max) return next();
        void reply.header('retry-after', resetSeconds);
        next(
          new HttpError(
            429,
            'rate_limited',
            `rate limit of ${max} requests per minute exceeded; retry in ${resetSeconds} s`,
          ),
        );
      });
    });
    done();
  },
  { name: 'rate-limit', dependencies: ['redis'] },
);
