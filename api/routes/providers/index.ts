import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { listProviderStatuses } from '../../../application/providers';
import { PRICE_PROVIDER_NAMES, type PriceProvider } from '../../../contracts';
import { createProviderHealthStore, type ProviderHealthReader } from '../../../infra/provider-health';
import { HttpError } from '../../errors';
import { ErrorBody } from '../../schemas/common';
import { ProvidersBody } from './schemas';

export interface ProvidersRoutesOptions {
  /** Where the etl workers' counts are read; the app's Redis when left out (tests pass a fake). */
  health?: ProviderHealthReader;
}

/** `GET /v1/providers`: each price provider's queue, rate limit, place in the `auto` order and recent requests. */
const providers: FastifyPluginCallbackTypebox<ProvidersRoutesOptions> = (fastify, options, done) => {
  const health =
    options.health ??
    createProviderHealthStore(fastify.redis, { commandTimeoutMs: fastify.config.redis.commandTimeoutMs });
  const { config } = fastify;
  const requestsPerSecond = Object.fromEntries(
    PRICE_PROVIDER_NAMES.map((name) => [name, config[name].requestsPerSecond]),
  ) as Record<PriceProvider, number>;

  fastify.get(
    '/providers',
    {
      schema: {
        summary: "The price providers: each one's task queue, rate limit, auto order, and the last 24 h of requests",
        tags: ['providers'],
        response: { 200: ProvidersBody, 503: ErrorBody },
      },
    },
    async (request) => {
      try {
        return await listProviderStatuses(health, { requestsPerSecond, order: config.priceProviderOrder });
      } catch (err) {
        // The counts live in Redis only: without it there is nothing true to report, and zeros would mislead.
        request.log.warn({ err }, 'provider health unavailable');
        throw new HttpError(503, 'provider_health_unavailable', 'provider request counts are unavailable (Redis)');
      }
    },
  );
  done();
};

export default providers;
