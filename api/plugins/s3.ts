import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { createObjectStore, type ObjectStore } from '../../infra/s3';

declare module 'fastify' {
  interface FastifyInstance {
    s3: ObjectStore;
  }
}

// The MinIO client holds no connections of its own (it uses the global HTTP agent), so there is nothing to close.
export default fp<{ config: Config; s3?: ObjectStore }>(
  (fastify, { config, s3 }, done) => {
    fastify.decorate('s3', s3 ?? createObjectStore(config.s3));
    done();
  },
  { name: 's3' },
);
