import fp from 'fastify-plugin';
import type { Config } from '../../config';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A presigned GET link to one object, valid for API_OBJECT_URL_TTL_SECONDS: the only way a route hands out
     * an object (chart, report, raw file), so the bucket itself never needs to be public.
     */
    objectUrl(key: string): Promise<string>;
  }
}

export default fp<{ config: Config }>(
  (fastify, { config }, done) => {
    fastify.decorate('objectUrl', (key: string) =>
      fastify.s3.client.presignedGetObject(fastify.s3.bucket, key, config.api.objectUrlTtlSeconds),
    );
    done();
  },
  { name: 'object-urls', dependencies: ['s3'] },
);
