import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { requestIdFrom } from '../infra/telemetry/request-id';
import type { ApiClients } from './clients';
import { EdgeCache } from './edge-cache';
import { lazyChildLoggerFactory } from './lazy-request-logger';
import apiKeyPlugin from './plugins/api-key';
import configPlugin from './plugins/config';
import edgeCachePlugin from './plugins/edge-cache';
import errorHandlerPlugin, { frameworkErrors } from './plugins/error-handler';
import metricsPlugin from './plugins/metrics';
import objectUrlsPlugin from './plugins/object-urls';
import postgresPlugin from './plugins/postgres';
import rateLimitPlugin from './plugins/rate-limit';
import redisPlugin from './plugins/redis';
import routePolicyPlugin from './plugins/route-policy';
import s3Plugin from './plugins/s3';
import { formatSchemaErrors } from './plugins/schema-errors';
import { RequestLog } from './request-log';
import securityPlugin from './plugins/security';
import staticPlugin from './plugins/static';
import storedJsonPlugin from './plugins/stored-json';
import swaggerPlugin from './plugins/swagger';
import temporalPlugin from './plugins/temporal';
import fundamentalsRoutes from './routes/fundamentals';
import macroRoutes from './routes/macro';
import opsRoutes from './routes/ops';
import providersRoutes from './routes/providers';
import runsRoutes from './routes/runs';
import schedulesRoutes from './routes/schedules';
import analysisRunRoutes from './routes/runs/analysis';
import pipelineRunRoutes from './routes/runs/pipeline';
import securitiesRoutes from './routes/securities';
import securityAnalysisRoutes from './routes/securities/analysis';
import securityChartRoutes from './routes/securities/charts';
import securityReportRoutes from './routes/securities/report';

export interface AppOptions {
  config: Config;
  /** Clients made by the caller (tests); the missing ones are created from config and closed with the app. */
  clients?: Partial<ApiClients>;
  /** The edge cache the server was made with (buildApp makes both); without one every request goes through Fastify. */
  edge?: EdgeCache;
}

/** The whole API as one plugin: infrastructure plugins, then decorators, then the error handler and routes. */
export const apiApp = fp<AppOptions>(
  async (fastify, { config, clients = {}, edge }) => {
    await fastify.register(configPlugin, { config });
    await fastify.register(swaggerPlugin);
    await fastify.register(metricsPlugin);
    await fastify.register(postgresPlugin, { config, pool: clients.db });
    await fastify.register(redisPlugin, { config, redis: clients.redis });
    await fastify.register(storedJsonPlugin);
    await fastify.register(s3Plugin, { config, s3: clients.s3 });
    await fastify.register(objectUrlsPlugin, { config });
    await fastify.register(temporalPlugin, { config, temporal: clients.temporal });

    await fastify.register(securityPlugin, { config });
    await fastify.register(rateLimitPlugin, { config });
    await fastify.register(edgeCachePlugin, { config, edge });
    await fastify.register(apiKeyPlugin, { config });
    // Before the routes: it gives each route added after it the key check, operationId and error responses.
    await fastify.register(routePolicyPlugin, { config });
    // Registered before the routes: Fastify gives each route the error handler in force when the route is added.
    await fastify.register(errorHandlerPlugin);

    await fastify.register(opsRoutes);
    await fastify.register(runsRoutes, { prefix: '/v1' });
    await fastify.register(analysisRunRoutes, { prefix: '/v1' });
    await fastify.register(pipelineRunRoutes, { prefix: '/v1' });
    await fastify.register(securitiesRoutes, { prefix: '/v1' });
    await fastify.register(schedulesRoutes, { prefix: '/v1' });
    await fastify.register(securityAnalysisRoutes, { prefix: '/v1' });
    await fastify.register(securityChartRoutes, { prefix: '/v1' });
    await fastify.register(securityReportRoutes, { prefix: '/v1' });
    await fastify.register(fundamentalsRoutes, { prefix: '/v1' });
    await fastify.register(providersRoutes, { prefix: '/v1' });
    await fastify.register(macroRoutes, { prefix: '/v1' });
    await fastify.register(staticPlugin);
  },
  { name: 'api' },
);

export interface BuildAppOptions extends AppOptions {
  /** Logger, timeouts and other server options; the server shell sets them, tests usually leave them out. */
  server?: FastifyServerOptions;
}

export async function buildApp({ server, ...options }: BuildAppOptions): Promise<FastifyInstance> {
  const edge = new EdgeCache();
  const app = Fastify({
    // Requests meet the edge cache first: repeated cached reads are answered there, the rest by the routes.
    serverFactory: edge.serverFactory(),
    bodyLimit: options.config.api.bodyLimitBytes,
    // The id is echoed in x-request-id and carried into the memo of every workflow the request starts.
    requestIdHeader: false,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']),
    // Longer than any path parameter a schema allows (workflow ids reach 1000), so the schema decides, with a 400.
    routerOptions: { maxParamLength: 2048 },
    frameworkErrors,
    logController: new RequestLog(),
    childLoggerFactory: lazyChildLoggerFactory,
    ...server,
    // Unknown body properties are a 400 naming them, not silently dropped (a typo'd "symbol" would change the run).
    ajv: { customOptions: { removeAdditional: false } },
    schemaErrorFormatter: formatSchemaErrors,
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(apiApp, { ...options, edge });
  return app;
}
