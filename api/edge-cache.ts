import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyRequest, FastifyServerFactory } from 'fastify';
import type { VersionWatch } from '../infra/cache';
import { requestIdFrom } from '../infra/telemetry/request-id';
import type { RequestMetrics } from './plugins/metrics';
import type { RateLimit } from './plugins/rate-limit';
import { SLOW_READ_MS } from './request-log';
import type { StoredJsonMemo } from './stored-json';

/** Where a URL's answer lives: the bytes of one version of one cache entry. */
export interface EdgeAnswer {
  /** The route pattern (`/v1/securities/:symbol/prices`), the label the metrics count it under. */
  route: string;
  versionKey: string;
  version: number;
  /** The bytes' key in the stored-JSON memo. */
  bodyKey: string;
}

/** What answering outside Fastify takes: the same pieces its hooks use, and when to step aside. */
export interface EdgePolicy {
  versions: Pick<VersionWatch, 'known'>;
  bodies: Pick<StoredJsonMemo, 'get'>;
  rateLimit: Pick<RateLimit, 'clientOf' | 'take'>;
  metrics: RequestMetrics;
  /** Headers every JSON answer carries (the security set). */
  headers: Readonly<Record<string, string>>;
  /** Whether the edge may answer this route's reads at all (not where a key is required). */
  servesRoute(route: string): boolean;
  /** Whether this request must go through Fastify now (a CORS request; logging at debug, which logs each read). */
  bypass(request: IncomingMessage): boolean;
  /** A read that took long enough to be worth a line (waiting for a rate-limit lease from Redis). */
  slow(request: IncomingMessage, statusCode: number, milliseconds: number): void;
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** The options Fastify hands its server factory, with its defaults filled in. */
interface ServerOptions {
  http?: http.ServerOptions;
  keepAliveTimeout: number;
  requestTimeout: number;
  connectionTimeout: number;
  maxRequestsPerSocket: number;
}

/** URLs remembered; past this the oldest go (each comes back on its next read through Fastify). */
const MAX_URLS = 10_000;

/**
 * Answers a read this process has answered before, from memory, before Fastify routes it.
 *
 * A cached read is a lookup and a copy; what it cost was the lifecycle around it (routing, validation, a dozen hooks
 * and header calls, and Node's async resources — each with an init hook once the Temporal client has entered its
 * AsyncLocalStorage): about three times a bare route's CPU. The route answers through Fastify once, which validates
 * the URL and says which cache entry and version answered it; from then on the same URL, while that version is
 * current and its bytes are in memory, is answered here with the same headers, rate limit, metrics and revalidation
 * (ETag/304, compression). Anything else — another method, a URL not remembered, a version moved on, a client over its
 * limit — goes to Fastify, which answers as ever.
 */
export class EdgeCache {
  private policy?: EdgePolicy;
  private everyAnswer: string[] = [];
  private readonly answers = new Map<string, EdgeAnswer>();

  /** Starts answering (the app calls this once its plugins are ready). */
  open(policy: EdgePolicy): void {
    this.policy = policy;
    this.everyAnswer = Object.entries(policy.headers).flat();
  }

  /** Stops answering: while the app closes, Fastify answers each request (a 503). */
  close(): void {
    this.policy = undefined;
    this.answers.clear();
  }

  /** Called where Fastify answered a GET from a cache entry's current version: the same URL can be answered here. */
  remember(
    request: Pick<FastifyRequest, 'method' | 'url' | 'routeOptions'>,
    versionKey: string,
    version: number,
    bodyKey: string,
  ): void {
    if (!this.policy || request.method !== 'GET') return;
    const known = this.answers.get(request.url);
    if (known && known.version === version && known.bodyKey === bodyKey) return;
    const route = request.routeOptions.url;
    if (route === undefined || !this.policy.servesRoute(route)) return;
    this.answers.delete(request.url);
    this.answers.set(request.url, { route, versionKey, version, bodyKey });
    if (this.answers.size > MAX_URLS) this.answers.delete(this.answers.keys().next().value as string);
  }

  /** The server's request listener: answers here when it can, else hands the request to Fastify. */
  handle(request: IncomingMessage, response: ServerResponse, fastify: Handler): void {
    const policy = this.policy;
    const url = request.url;
    const answer = policy && request.method === 'GET' && url !== undefined ? this.answers.get(url) : undefined;
    if (!policy || !answer || policy.bypass(request)) return fastify(request, response);
    const stored =
      policy.versions.known(answer.versionKey) === answer.version ? policy.bodies.get(answer.bodyKey) : undefined;
    if (!stored) {
      this.answers.delete(url!);
      return fastify(request, response);
    }
    const started = performance.now();
    const { headers } = request;
    const client = policy.rateLimit.clientOf(headers['x-api-key'], request.socket.remoteAddress);
    policy.rateLimit.take(client, (verdict) => {
      // Fastify makes the 429 (counting the request once more, which changes nothing: the client is over already).
      if (!verdict.allowed) return fastify(request, response);
      const reply = stored.answerTo(headers['if-none-match'], headers['accept-encoding']);
      response.writeHead(reply.statusCode, [
        'x-request-id',
        requestIdFrom(headers['x-request-id']),
        ...this.everyAnswer,
        ...verdict.headers,
        'x-cache',
        'hit',
        ...reply.headersWithLength,
      ]);
      response.end(reply.body);
      // Until the bytes are handed to the socket; Fastify's figure runs to the response's 'finish', a tick later.
      const milliseconds = performance.now() - started;
      policy.metrics.answered('GET', answer.route, reply.statusCode, milliseconds / 1000);
      policy.metrics.cacheLookup(answer.route, 'hit');
      if (milliseconds >= SLOW_READ_MS) policy.slow(request, reply.statusCode, milliseconds);
    });
  }

  /** A Node HTTP server for Fastify (its `serverFactory`) whose requests meet this cache first. */
  serverFactory(): FastifyServerFactory {
    return (fastify, serverOptions) => {
      const options = serverOptions as unknown as ServerOptions;
      const server = http.createServer(options.http ?? {}, (request, response) =>
        this.handle(request, response, fastify),
      );
      // What Fastify sets on a server it makes itself.
      server.keepAliveTimeout = options.keepAliveTimeout;
      server.requestTimeout = options.requestTimeout;
      server.setTimeout(options.connectionTimeout);
      if (options.maxRequestsPerSocket > 0) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
      return server;
    };
  }
}
