import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { RunKind } from '../../contracts';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Registry;
    /** What the request hooks record, for answers made outside Fastify's hooks too (see api/edge-cache.ts). */
    requestMetrics: RequestMetrics;
  }
  interface FastifyContextConfig {
    /** The kind of run a route starts: its `202 Accepted` answers are counted as started workflows of that kind. */
    startsRun?: RunKind;
  }
}

/**
 * A metric's child for a tuple of label values, made once: prom-client hashes a label object on every `labels()`,
 * which a cached read noticed. Looked up level by level (method, route pattern, status), so no key string is built
 * per request; the values are few, so the maps stay small.
 */
function labelledChildren<M extends Histogram | Counter>(metric: M) {
  type Child = ReturnType<M['labels']>;
  type Level = Map<string | number, Level | Child>;
  const root: Level = new Map();
  return (...values: (string | number)[]): Child => {
    let level = root;
    for (let i = 0; i < values.length - 1; i++) {
      let next = level.get(values[i]) as Level | undefined;
      if (!next) level.set(values[i], (next = new Map()));
      level = next;
    }
    const last = values[values.length - 1];
    let child = level.get(last) as Child | undefined;
    if (!child) level.set(last, (child = metric.labels(...values.map(String)) as Child));
    return child;
  };
}

export interface RequestMetrics {
  /** An answered request, under its method, route pattern (not its URL) and status. */
  answered(method: string, route: string, statusCode: number, seconds: number): void;
  /** A read-through cache lookup, by route pattern and result (hit, miss, bypass). */
  cacheLookup(route: string, result: string): void;
}

/** One registry per app (not prom-client's global one), so several apps in one process do not collide. */
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
      next();
    });
    const durationOf = labelledChildren(duration);
    const cacheLookupsOf = labelledChildren(cacheLookups);
    const workflowStartsOf = labelledChildren(workflowStarts);
    const requestMetrics: RequestMetrics = {
      answered: (method, route, statusCode, seconds) => durationOf(method, route, statusCode).observe(seconds),
      cacheLookup: (route, result) => cacheLookupsOf(route, result).inc(),
    };
    fastify.decorate('requestMetrics', requestMetrics);
    fastify.addHook('onResponse', (request, reply, done) => {
      // The route pattern, not the URL: one series per route whatever the ids; unknown URLs share one label.
      // (Fastify builds routeOptions afresh on each read: read once.)
      const { url: route = 'unmatched', config } = request.routeOptions;
      requestMetrics.answered(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
      // Routes that read through the cache say so in x-cache; counting it here keeps the routes free of metrics.
      const cache = reply.getHeader('x-cache');
      if (typeof cache === 'string') requestMetrics.cacheLookup(route, cache);
      // Likewise routes that start runs say so in their config (a joined run answers 200, not 202).
      const startsRun = config?.startsRun; // Fastify's own 404 and framework-error contexts may have no config
      if (startsRun && reply.statusCode === 202) workflowStartsOf(startsRun).inc();
      done();
    });
    done();
  },
  { name: 'metrics' },
);
