import fp from 'fastify-plugin';
import type Redis from 'ioredis';
import type { Config } from '../../config';
import { createCache, type JsonCache } from '../../infra/cache';
import { createRedis } from '../../infra/redis';

declare module 'fastify' {
  interface FastifyInstance {
    redis: Redis;
    cache: JsonCache;
  }
}

export default fp<{ config: Config; redis?: Redis }>(
  (fastify, { config, redis }, done) => {
    const client = redis ?? createRedis(config.redis.url, { logger: fastify.log });
    fastify.decorate('redis', client);
    fastify.decorate(
      'cache',
      createCache(client, { logger: fastify.log, commandTimeoutMs: config.redis.commandTimeoutMs }),
    );
    if (!redis) fastify.addHook('onClose', () => client.disconnect());
    done();
  },
  { name: 'redis' },
);
