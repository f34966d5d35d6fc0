import Redis from 'ioredis';
import { Client } from 'pg';
import { redactUrl } from './probes';

/**
 * Postgres and Redis are not started by the local stack: they are the developer's own services.
 * These checks fail with the commands that start them, for this kind of machine and for a laptop.
 */
export async function checkPostgres(databaseUrl: string): Promise<void> {
  // The target database may not exist yet; the server's own `postgres` database always does.
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(
      [
        `Postgres does not answer at ${redactUrl(admin.toString())} (DATABASE_URL): ${reason(err)}`,
        'Start it, or point DATABASE_URL at one you have, then run this again:',
        '  Debian/Ubuntu (postgresql package):  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
        '  with systemd:                        sudo systemctl start postgresql',
        '  macOS (Homebrew):                    brew services start postgresql@15',
        '  with Docker:                         docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:15',
      ].join('\n'),
      { cause: err },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let lastError: unknown;
  redis.on('error', (err) => {
    lastError = err;
  });
  const port = new URL(redisUrl).port || '6379';
  try {
    await redis.connect();
    await redis.ping();
  } catch (err) {
    throw new Error(
      [
        `Redis does not answer at ${redactUrl(redisUrl)} (REDIS_URL): ${reason(lastError ?? err)}`,
        'Start it, or point REDIS_URL at one you have, then run this again:',
        `  any machine with redis-server:  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port ${port} --save "" --appendonly no`,
        '  with systemd:                   sudo systemctl start redis-server',
        '  macOS (Homebrew):               brew services start redis',
        `  with Docker:                    docker run -d -p ${port}:6379 redis:7`,
      ].join('\n'),
      { cause: err },
    );
  } finally {
    redis.disconnect();
  }
}

function reason(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return e.code ?? e.message ?? String(err);
}
