import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

export const API_KEY_SECURITY = [{ apiKey: [] }];

/** OpenAPI built from the route schemas, served as JSON at /docs/json and browsable at /docs. */
export default fp(
  async (fastify) => {
    await fastify.register(swagger, {
      openapi: {
        info: {
          title: 'InvestByYourself API',
          description: 'Start and follow market-data runs on Temporal; read securities and prices.',
          version: '1.0.0',
        },
        components: {
          securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
        },
        tags: [
          { name: 'runs', description: 'ETL runs (Temporal workflows)' },
          { name: 'schedules', description: 'Temporal Schedules of runs' },
          { name: 'securities', description: 'Securities and daily price bars' },
          { name: 'providers', description: 'Price providers: rate limits, auto order and recent requests' },
          { name: 'macro', description: 'FRED macro series, point in time' },
          { name: 'ops', description: 'Liveness, readiness and metrics' },
        ],
      },
    });
    await fastify.register(swaggerUi, { routePrefix: '/docs' });
  },
  { name: 'swagger' },
);
