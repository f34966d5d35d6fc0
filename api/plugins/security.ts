import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';
import type { Config } from '../../config';

/**
 * Security headers on every response; the CSP lets the Swagger UI at /docs load its own scripts and styles
 * (it inlines styles and uses data: images). CORS stays off unless origins are configured.
 */
export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    await fastify.register(helmet, {
      global: true,
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
    });
    if (config.api.corsOrigins.length) {
      await fastify.register(cors, {
        origin: config.api.corsOrigins,
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ['content-type', 'x-api-key', 'idempotency-key', 'x-request-id'],
        exposedHeaders: ['x-request-id', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining'],
        maxAge: 600,
      });
    }
  },
  { name: 'security' },
);
