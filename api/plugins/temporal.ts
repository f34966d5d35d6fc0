import { Client, Connection } from '@temporalio/client';
import fp from 'fastify-plugin';
import type { Config } from '../../config';
import { temporalConnectionOptions } from '../../infra/temporal-connection';

declare module 'fastify' {
  interface FastifyInstance {
    temporal: Client;
  }
}

export default fp<{ config: Config; temporal?: Client }>(
  (fastify, { config, temporal }, done) => {
    if (temporal) {
      fastify.decorate('temporal', temporal);
    } else {
      // Lazy: the API starts (and /health answers) while Temporal is still coming up; /ready reports it.
      const connection = Connection.lazy(temporalConnectionOptions(config.temporal));
      fastify.decorate('temporal', new Client({ connection, namespace: config.temporal.namespace }));
      fastify.addHook('onClose', () => connection.close());
    }
    done();
  },
  { name: 'temporal' },
);
