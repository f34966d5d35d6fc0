import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { requestContext } from '../../infra/telemetry/request-context';
import { READ_METHODS } from './route-policy';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
  }
}

/**
 * A metric's child for a tuple of label values, made once: prom-client hashes a label object on every observation,
 * which a cached read noticed. The values are few (methods × route patterns × statuses), so the map stays small.
 */
function labelledChildren<M extends Histogram | Counter>(metric: M) {
  const children = new Map<string, ReturnType<M['labels']>>();
  return (...values: (string | number)[]): ReturnType<M['labels']> => {
    const key = values.join(' ');
    let child = children.get(key);
    if (!child) {
      child = metric.labels(...values.map(String)) as ReturnType<M['labels']>;
      children.set(key, child);
    }
    return child;
  };
}

/**
 * One registry per app (not prom-client's global one), so several apps in one process do not collide.
 * Also enters the request context a write runs in: its id, and how to count the workflows it starts.
 */
export default fp(
  (fastify, _options, done) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const duration = new Histogram({
      name: 'iby_http_request_duration_seconds',
      help: 'API request duration by method, route pattern and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    const cacheLookups = new Counter({
      name: 'iby_cache_lookups_total',
      help: 'Read-through cache lookups by route and result (hit, miss, or unavailable when Redis is down)',
      labelNames: ['route', 'result'],
      registers: [registry],
    });
    const workflowStarts = new Counter({
      name: 'iby_workflow_starts_total',
      help: 'Workflows started through the API, by run kind',
      labelNames: ['kind'],
      registers: [registry],
    });
    fastify.decorate('metrics', registry);

    fastify.addHook('onRequest', (request, reply, next) => {
      void reply.header('x-request-id', request.id);
      // Reads start no workflow, so only writes enter the context: entering it carries its store into every
      // promise the request makes, a few percent of a cached read.
      if (READ_METHODS.has(request.method)) return next();
      requestContext.run({ requestId: request.id, onWorkflowStarted: (kind) => workflowStarts.inc({ kind }) }, () =>
        next(),
      );
    });
    const durationOf = labelledChildren(duration);
    const cacheLookupsOf = labelledChildren(cacheLookups);
    fastify.addHook('onResponse', (request, reply, done) => {
      // The route pattern, not the URL: one series per route whatever the ids; unknown URLs share one label.
      const route = request.routeOptions.url ?? 'unmatched';
      durationOf(request.method, route, reply.statusCode).observe(reply.elapsedTime / 1000);
      // Routes that read through the cache say so in x-cache; counting it here keeps the routes free of metrics.
      const cache = reply.getHeader('x-cache');
      if (typeof cache === 'string') cacheLookupsOf(route, cache).inc();
      done();
    });
    done();
  },
  { name: 'metrics' },
);
