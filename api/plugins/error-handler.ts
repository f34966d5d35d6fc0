import { STATUS_CODES } from 'node:http';
import { isGrpcServiceError } from '@temporalio/client';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors';

const GRPC_UNAVAILABLE = 14;
const GRPC_DEADLINE_EXCEEDED = 4;

/** Temporal wraps gRPC errors (ServiceError → cause); an unreachable or timed-out server is a 503, not a bug. */
export function isTemporalUnavailable(err: unknown): boolean {
  for (let link = err, depth = 0; link && depth < 5; link = (link as { cause?: unknown }).cause, depth++) {
    const code: number | undefined = isGrpcServiceError(link) ? link.code : undefined;
    if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED) return true;
  }
  return false;
}

/** `Not Found` → `not_found`: a stable code for any 4xx Fastify raises itself (415, 413, bad JSON…). */
const codeOf = (status: number): string => (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '_');

/**
 * Errors the router raises before any route or hook runs (a malformed URL, a path parameter past
 * `maxParamLength`): the same `{ error, message }` body as everything else.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : (err.statusCode ?? 400);
  void reply.code(status).send({ error: codeOf(status), message: err.message });
}

/**
 * One error body for the whole API: `{ error, message }`. Client errors say what was wrong;
 * server errors are logged and answered with a fixed message, so internals never leak.
 */
export default fp(
  (fastify, _options, done) => {
    fastify.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof HttpError) {
        return reply.code(err.statusCode).send({ error: err.code, message: err.message });
      }
      if (err.validation) {
        return reply.code(400).send({ error: 'bad_request', message: err.message });
      }
      if (isTemporalUnavailable(err)) {
        request.log.warn({ err }, 'Temporal is unavailable');
        return reply.code(503).send({ error: 'unavailable', message: 'the workflow service is unavailable' });
      }
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        return reply.code(err.statusCode).send({ error: codeOf(err.statusCode), message: err.message });
      }
      request.log.error({ err }, 'request failed');
      return reply.code(500).send({ error: 'internal', message: 'internal error' });
    });

    fastify.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0];
      // A known path asked with a method it does not have is a 405 naming the ones it has (RFC 9110 §15.5.6).
      const allowed = fastify.allowedMethods(path);
      if (allowed.length) {
        return reply
          .code(405)
          .header('allow', allowed.join(', '))
          .send({ error: 'method_not_allowed', message: `${request.method} is not allowed on ${path}` });
      }
      return reply.code(404).send({ error: 'not_found', message: `no route for ${request.method} ${path}` });
    });
    done();
  },
  { name: 'error-handler', dependencies: ['route-policy'] },
);
