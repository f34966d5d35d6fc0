import fp from 'fastify-plugin';
import type { Config } from '../../config';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

export default fp<{ config: Config }>(
  (fastify, { config }, done) => {
    fastify.decorate('config', config);
    done();
  },
  { name: 'config' },
);
