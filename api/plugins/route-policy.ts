import type { onRequestHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { ErrorBody } from '../schemas/common';
import { API_KEY_SECURITY } from './swagger';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Opt a route out of the API key check that every mutating (or, with API_PROTECT_READS, every) route gets. */
    public?: boolean;
  }
  interface FastifyInstance {
    /** Methods declared for the path of `url`, or none when no route has that path (404 rather than 405). */
    allowedMethods(url: string): string[];
  }
}

/** Methods that only read: public unless API_PROTECT_READS, and never the start of a workflow. */
export const READ_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** `POST /v1/runs/:workflowId/cancel` → `postRunsByWorkflowIdCancel`: stable, unique per method and path. */
export function deriveOperationId(method: string, url: string): string {
  const words = url
    .replace(/^\/v\d+(?=\/|$)/, '')
    .split('/')
    .filter(Boolean)
    .flatMap((part) => (part.startsWith(':') ? ['by', part.slice(1)] : part.split(/[^A-Za-z0-9]+/)))
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

/** Whether the route needs a key: every write and every schedule route; reads under /v1 when configured. */
export function needsApiKey(method: string, url: string, protectReads: boolean): boolean {
  if (!READ_METHODS.has(method)) return true;
  if (url === '/v1/schedules' || url.startsWith('/v1/schedules/')) return true;
  return protectReads && url.startsWith('/v1/');
}

const errorResponse = (description: string, extra: Record<string, unknown> = {}) => ({
  ...ErrorBody,
  description,
  ...extra,
});

const RETRY_AFTER = { headers: { 'retry-after': { type: 'integer', description: 'Seconds until the limit resets' } } };

/** The error statuses any route of this kind can answer, each with the shared error body. */
function standardErrors(method: string, route: RouteOptions, isProtected: boolean): Record<number, unknown> {
  const schema = route.schema ?? {};
  const errors: Record<number, unknown> = {};
  const validates = !!(schema.body ?? schema.querystring ?? schema.params ?? schema.headers);
  if (validates || BODY_METHODS.has(method))
    errors[400] = errorResponse('Invalid request; the message names the field');
  if (isProtected) errors[401] = errorResponse('Missing or invalid x-api-key');
  if (route.url.includes(':')) {
    errors[404] = errorResponse('Not found');
    errors[414] = errorResponse('A path parameter is longer than any the API accepts');
  }
  if (BODY_METHODS.has(method)) {
    errors[413] = errorResponse('Request body too large');
    errors[415] = errorResponse('Unsupported content type (send application/json)');
  }
  errors[429] = errorResponse('Rate limit exceeded; retry after the given seconds', RETRY_AFTER);
  errors[500] = errorResponse('Internal error (details are logged, never returned)');
  errors[503] = errorResponse('A backing service is unavailable, or the server is shutting down');
  return errors;
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Path pattern → a regular expression matching concrete URLs (`:id` matches one segment). */
const patternOf = (url: string): RegExp =>
  new RegExp(
    `^${url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/')}/?$`,
  );

/**
 * Policy every route gets when it is added, so a route written tomorrow is covered without remembering to:
 * the API key check (unless `config.public`), an operationId, and the documented error responses.
 * Registered before the routes: onRoute sees only routes added after it.
 */
export default fp<{ config: Config }>(
  (fastify, { config }, done) => {
    const paths = new Map<string, { pattern: RegExp; methods: Set<string> }>();

    fastify.addHook('onRoute', (route) => {
      if (route.schema?.hide) return;
      for (const method of asArray(route.method)) {
        const entry = paths.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
        entry.methods.add(method);
        paths.set(route.url, entry);
      }
      const method = asArray(route.method)[0];
      const isProtected = route.config?.public !== true && needsApiKey(method, route.url, config.api.protectReads);
      if (isProtected) {
        const hooks = ([] as unknown[]).concat(route.onRequest ?? []);
        if (!hooks.includes(fastify.requireApiKey)) {
          route.onRequest = [fastify.requireApiKey, ...hooks] as onRequestHookHandler[];
        }
      }
      if (method === 'HEAD') return; // Fastify's automatic twin of a GET route: protected alike, not documented
      const schema = (route.schema ??= {}) as Record<string, unknown>;
      schema.operationId ??= deriveOperationId(method, route.url);
      if (isProtected) schema.security ??= API_KEY_SECURITY;
      schema.response = { ...standardErrors(method, route, isProtected), ...(schema.response as object) };
    });

    fastify.decorate('allowedMethods', (url: string) => {
      // A URL can match several patterns (`/v1/runs/prices` and `/v1/runs/:workflowId`): all their methods apply.
      const path = url.split('?')[0];
      const allowed = new Set<string>();
      for (const { pattern, methods } of paths.values()) if (pattern.test(path)) methods.forEach((m) => allowed.add(m));
      return [...allowed].sort();
    });
    done();
  },
  { name: 'route-policy', dependencies: ['api-key'] },
);
