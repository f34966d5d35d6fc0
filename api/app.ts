import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import type { ApiClients } from './clients';
import apiKeyPlugin from './plugins/api-key';
import configPlugin from './plugins/config';
import errorHandlerPlugin from './plugins/error-handler';
import metricsPlugin from './plugins/metrics';
import postgresPlugin from './plugins/postgres';
import redisPlugin from './plugins/redis';
import s3Plugin from './plugins/s3';
import { formatSchemaErrors } from './plugins/schema-errors';
import swaggerPlugin from './plugins/swagger';
import temporalPlugin from './plugins/temporal';
import fundamentalsRoutes from './routes/fundamentals';
import opsRoutes from './routes/ops';
import runsRoutes from './routes/runs';
import securitiesRoutes from './routes/securities';

export interface AppOptions {
  config: Config;
  /** Clients made by the caller (tests); the missing ones are created from config and closed with the app. */
  clients?: Partial<ApiClients>;
}

/** The whole API as one plugin: infrastructure plugins, then decorators, then the error handler and routes. */
export const apiApp = fp<AppOptions>(
  async (fastify, { config, clients = {} }) => {
    await fastify.register(configPlugin, { config });
    await fastify.register(swaggerPlugin);
    await fastify.register(metricsPlugin);
    await fastify.register(postgresPlugin, { config, pool: clients.db });
    await fastify.register(redisPlugin, { config, redis: clients.redis });
    await fastify.register(s3Plugin, { config, s3: clients.s3 });
    await fastify.register(temporalPlugin, { config, temporal: clients.temporal });

    await fastify.register(apiKeyPlugin, { config });
    // Registered before the routes: Fastify gives each route the error handler in force when the route is added.
    await fastify.register(errorHandlerPlugin);

    await fastify.register(opsRoutes);
    await fastify.register(runsRoutes, { prefix: '/v1' });
    await fastify.register(securitiesRoutes, { prefix: '/v1' });
    await fastify.register(fundamentalsRoutes, { prefix: '/v1' });
  },
  { name: 'api' },
);

export interface BuildAppOptions extends AppOptions {
  /** Logger, timeouts and other server options; the server shell sets them, tests usually leave them out. */
  server?: FastifyServerOptions;
}

export async function buildApp({ server, ...options }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...server,
    // Unknown body properties are a 400 naming them, not silently dropped (a typo'd "symbol" would change the run).
    ajv: { customOptions: { removeAdditional: false } },
    schemaErrorFormatter: formatSchemaErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(apiApp, options);
  return app;
}
