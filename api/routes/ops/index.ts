import type { FastifyPluginCallbackTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { checkDependencies } from './readiness';
import { HealthBody, ReadinessBody } from './schemas';

const ops: FastifyPluginCallbackTypebox = (fastify, _options, done) => {
  fastify.get(
    '/health',
    { schema: { summary: 'Liveness: the process answers', tags: ['ops'], response: { 200: HealthBody } } },
    () => ({ status: 'ok' as const }),
  );

  fastify.get(
    '/ready',
    {
      schema: {
        summary: 'Readiness: Temporal, Postgres, Redis and S3 each checked (Redis down is only degraded)',
        tags: ['ops'],
        response: { 200: ReadinessBody, 503: ReadinessBody },
      },
    },
    async (_request, reply) => {
      const readiness = await checkDependencies(fastify);
      return reply.code(readiness.status === 'unavailable' ? 503 : 200).send(readiness);
    },
  );

  fastify.get(
    '/metrics',
    {
      schema: {
        summary: 'Prometheus metrics',
        tags: ['ops'],
        produces: ['text/plain'],
        response: { 200: Type.String({ description: 'Prometheus text exposition format' }) },
      },
    },
    async (_request, reply) => reply.type(fastify.metrics.contentType).send(await fastify.metrics.metrics()),
  );
  done();
};

export default ops;
