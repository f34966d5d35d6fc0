import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { HttpError } from '../errors';
import { isValidApiKey } from './api-key';
import { fallbackStore } from './rate-limit-store';

/**
 * API_RATE_LIMIT_PER_MINUTE requests per client and minute, on every route (docs and ops included): a client is
 * its API key when it sends a valid one, else its address, so random keys do not buy fresh limits.
 */
export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    await fastify.register(rateLimit, {
      global: true,
      max: config.api.rateLimitPerMinute,
      timeWindow: 60_000,
      store: fallbackStore(fastify.redis),
      keyGenerator: (request) => {
        const key = request.headers['x-api-key'];
        return typeof key === 'string' && isValidApiKey(key, config.api.keyHashes)
          ? `key:${createHash('sha256').update(key).digest('hex').slice(0, 32)}`
          : `ip:${request.ip}`;
      },
      errorResponseBuilder: (_request, context) =>
        new HttpError(
          429,
          'rate_limited',
          `rate limit of ${context.max} requests per minute exceeded; retry in ${context.after}`,
        ),
    });
  },
  { name: 'rate-limit', dependencies: ['redis'] },
);
