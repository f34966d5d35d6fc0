import fp from 'fastify-plugin';
import type { Pool } from 'pg';
import type { Config } from '../../config';
import { createPool, poolSettings } from '../../infra/db/pool';

declare module 'fastify' {
  interface FastifyInstance {
    db: Pool;
  }
}

export default fp<{ config: Config; pool?: Pool }>(
  (fastify, { config, pool }, done) => {
    fastify.decorate(
      'db',
      pool ?? createPool(config.db.url, config.db.poolMax, { ...poolSettings(config.db, 'api'), logger: fastify.log }),
    );
    // A pool handed in belongs to the caller, who closes it.
    if (!pool) fastify.addHook('onClose', (instance) => instance.db.end());
    done();
  },
  { name: 'postgres' },
);
