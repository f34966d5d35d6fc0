import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { Config } from '../../config';

/** The CSP lets the Swagger UI at /docs load its own scripts and styles (it inlines styles and uses data: images). */
const HELMET: HelmetOptions = {
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
};

/**
 * The headers helmet sets for these options, computed once: they are the same for every response, and building
 * helmet's middleware per request (what @fastify/helmet does) cost a tenth of a cached read.
 */
export function securityHeaders(options: HelmetOptions = HELMET): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err instanceof Error ? err : new Error('helmet refused its options');
  });
  return headers;
}

/**
 * What a JSON answer needs (OWASP's REST headers): never sniffed as a document, never framed, not readable cross-origin
 * without CORS, HTTPS remembered. The rest of helmet's set (script sources, opener and referrer policy…) governs
 * documents a browser renders; sending it on every read cost an eighth of a cached read's time.
 */
const API_HEADER_NAMES = ['x-content-type-options', 'strict-transport-security', 'cross-origin-resource-policy'];
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

function apiHeaders(documentHeaders: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = { 'content-security-policy': API_CSP };
  for (const name of API_HEADER_NAMES) headers[name] = documentHeaders[name];
  return headers;
}

/** Helmet's whole set, for documents; the API's own set, which every answer carries (see the plugin below). */
const DOCUMENT_HEADERS = securityHeaders();
export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = apiHeaders(DOCUMENT_HEADERS);

/** JSON, including its `+json` kinds (problem details, OpenAPI): data, never rendered. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json\b/i;

/**
 * Security headers on every response: the API set when the request starts (errors and 304s included), helmet's
 * whole set once the body turns out to be anything but JSON (HTML, SVG, scripts, the Swagger UI). CORS stays off
 * unless origins are configured.
 */
export default fp<{ config: Config }>(
  async (fastify, { config }) => {
    fastify.addHook('onRequest', (_request, reply, next) => {
      void reply.headers(API_RESPONSE_HEADERS);
      next();
    });
    fastify.addHook('onSend', (_request, reply, payload, next) => {
      const type = reply.getHeader('content-type');
      if (typeof type === 'string' && !JSON_TYPE.test(type)) void reply.headers(DOCUMENT_HEADERS);
      next(null, payload);
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
