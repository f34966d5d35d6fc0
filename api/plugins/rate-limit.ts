import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { HttpError } from '../errors';
import { isValidApiKey } from './api-key';
import { createRateLimitStore, type RateLimitStore } from './rate-limit-store';

declare module 'fastify' {
  interface FastifyInstance {
    /** The per-client limit, for answers made outside Fastify's hooks too (see api/edge-cache.ts). */
    rateLimit: RateLimit;
  }
}

const WINDOW_MS = 60_000;

/** What counting one request decided: whether it goes on, and the headers its answer carries either way. */
export interface RateLimitVerdict {
  allowed: boolean;
  /** `x-ratelimit-limit`, `-remaining` and `-reset`, and `retry-after` on a refusal: flat name/value pairs. */
  headers: string[];
  resetSeconds: number;
}

/**
 * API_RATE_LIMIT_PER_MINUTE requests per client and minute: a client is its API key when it sends a valid one, else
 * its address, so random keys do not buy fresh limits.
 */
export class RateLimit {
  /** Requests per client and minute. */
  readonly max: number;
  private readonly maxText: string;

  constructor(
    private readonly config: Config,
    private readonly store: RateLimitStore,
  ) {
    this.max = config.api.rateLimitPerMinute;
    this.maxText = String(this.max);
  }

  clientOf(apiKey: string | string[] | undefined, address: string | undefined): string {
    return typeof apiKey === 'string' && isValidApiKey(apiKey, this.config.api.keyHashes)
      ? `key:${createHash('sha256').update(apiKey).digest('hex').slice(0, 32)}`
      : `ip:${address}`;
  }

  /** Counts one request of `client`; answers synchronously while the store can (see the store). */
  take(client: string, decided: (verdict: RateLimitVerdict) => void): void {
    const max = this.max;
    this.store.incr(client, WINDOW_MS, max, ({ current, ttl }) => {
      const resetSeconds = Math.ceil(ttl / 1000);
      const reset = String(resetSeconds);
      const headers = [
        'x-ratelimit-limit',
        this.maxText,
        'x-ratelimit-remaining',
        String(Math.max(0, max - current)),
        'x-ratelimit-reset',
        reset,
      ];
      const allowed = current <= max;
      if (!allowed) headers.push('retry-after', reset);
      decided({ allowed, headers, resetSeconds });
    });
  }
}

/**
 * The limit on every request (docs, ops and unknown URLs included). Every answer says the limit, what is left and
 * when the window resets; a refusal is a 429 with Retry-After.
 *
 * A callback hook over the store, not @fastify/rate-limit's hook: that one is async and made eight promises per
 * request — once the Temporal client has entered its AsyncLocalStorage, each with an init hook — the last promises a
 * cached read made; this one answers synchronously while the replica holds a lease of counts (see the store).
 */
export default fp<{ config: Config }>(
  (fastify, { config }, done) => {
    const limit = new RateLimit(config, createRateLimitStore(fastify.redis));
    fastify.decorate('rateLimit', limit);

    fastify.addHook('onRequest', (request, reply, next) => {
      limit.take(limit.clientOf(request.headers['x-api-key'], request.ip), ({ allowed, headers, resetSeconds }) => {
        for (let i = 0; i < headers.length; i += 2) void reply.header(headers[i], headers[i + 1]);
        if (allowed) return next();
        const message = `rate limit of ${limit.max} requests per minute exceeded; retry in ${resetSeconds} s`;
        next(new HttpError(429, 'rate_limited', message));
      });
    });
    done();
  },
  { name: 'rate-limit', dependencies: ['redis'] },
);
