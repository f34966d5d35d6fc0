import type { FastifyBaseLogger } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { EdgeCache } from '../edge-cache';
import { needsApiKey } from './route-policy';
import { API_RESPONSE_HEADERS } from './security';

declare module 'fastify' {
  interface FastifyInstance {
    /** Answers repeated cached reads before routing (see api/edge-cache.ts); absent without Redis's versions. */
    edgeCache?: EdgeCache;
  }
}

/**
 * Opens the edge cache the app's server was made with (`EdgeCache.serverFactory`) once the pieces it shares with the
 * hooks exist: versions, bodies, rate limit, metrics, security headers. Without the version watch (no Redis) there
 * is no version to trust, and nothing to answer.
 */
export default fp<{ config: Config; edge?: EdgeCache }>(
  (fastify, { config, edge }, done) => {
    const versions = fastify.cacheVersions;
    if (!edge || !versions) return done();
    const crossOrigin = config.api.corsOrigins.length > 0;
    // pino's level check; Fastify's logger when logging is off has none, and logs nothing.
    const log = fastify.log as FastifyBaseLogger & { isLevelEnabled?(level: string): boolean };
    const logsEachRead = () => log.isLevelEnabled?.('debug') === true;
    edge.open({
      versions,
      bodies: fastify.storedJson,
      rateLimit: fastify.rateLimit,
      metrics: fastify.requestMetrics,
      headers: API_RESPONSE_HEADERS,
      servesRoute: (route) => !needsApiKey('GET', route, config.api.protectReads),
      bypass: (request) => (crossOrigin && request.headers.origin !== undefined) || logsEachRead(),
      slow: (request, statusCode, responseTime) =>
        fastify.log.info(
          { req: { method: request.method, url: request.url }, res: { statusCode }, responseTime },
          'request completed',
        ),
    });
    fastify.decorate('edgeCache', edge);
    fastify.addHook('preClose', (closed) => {
      edge.close();
      closed();
    });
    done();
  },
  { name: 'edge-cache', dependencies: ['stored-json', 'rate-limit', 'metrics', 'security'] },
);
