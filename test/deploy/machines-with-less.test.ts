import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { loadConfig } from '../../config';
import { createCache } from '../../infra/cache/cache';
import { ensureDatabase } from '../../infra/db/ensure-database';
import { findFreePorts } from '../../infra/local-stack/free-port';
import { postgresOrEmbedded } from '../../infra/local-stack/postgres-fallback';
import { spawnLogged, waitForPort, type ManagedProcess } from '../../infra/local-stack/processes';
import { createRedis } from '../../infra/redis';
import { migrate, setupServices } from '../../scripts/setup';
import { createTestDatabase } from '../support/test-database';

// What `npm start` does on a machine without Postgres or Redis: an embedded Postgres where DATABASE_URL points,
// and no cache until Redis answers.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-less-'));
const started: ManagedProcess[] = [];

afterAll(async () => {
  for (const proc of started.reverse()) await proc.stop(5000);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a machine with less', () => {
  it('starts an embedded Postgres when nothing answers at a local DATABASE_URL, and migrates it', async () => {
    const [port] = await findFreePorts(1);
    const config = loadConfig({
      ...process.env,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/iby`,
      DATA_DIR: dir,
    });
    const said: string[] = [];
    const proc = await postgresOrEmbedded(config, (line) => said.push(line));
    expect(proc).not.toBeNull();
    if (proc) started.push(proc);
    expect(said.join('\n')).toMatch(
      /nothing answers at postgres:\/\/postgres@127\.0\.0\.1:\d+\/iby; starting an embedded/,
    );
    expect(said.join('\n')).toContain(`data in ${path.join(dir, 'postgres')}`);
    expect(fs.existsSync(path.join(dir, 'postgres', 'PG_VERSION'))).toBe(true);

    expect(await ensureDatabase(config.db.url)).toBe(true);
    await migrate(config, (line) => said.push(line));
    expect(said.at(-1)).toMatch(/^migrations: applied 001_prices\.sql/);
    const client = new Client({ connectionString: config.db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: string }>('SELECT current_setting($$server_version$$) AS version');
      expect(rows[0].version).toMatch(/^18\./);
      const tables = await client.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'price_bars'");
      expect(tables.rowCount).toBe(1);
    } finally {
      await client.end();
    }

    // Something answers now: the next start uses it instead of starting another.
    expect(await postgresOrEmbedded(config, () => undefined)).toBeNull();
  }, 180_000);

  it('runs without Redis, says so, and uses the cache again once Redis answers', async () => {
    const [port] = await findFreePorts(1);
    const database = await createTestDatabase();
    try {
      const config = loadConfig({
        ...process.env,
        DATABASE_URL: database.url,
        REDIS_URL: `redis://127.0.0.1:${port}/0`,
      });
      const said: string[] = [];
      await setupServices(config, (line) => said.push(line));
      expect(said.join('\n')).toMatch(/redis: nothing answers at .*; running WITHOUT the cache/);

      const redis = createRedis(config.redis.url);
      try {
        const cache = createCache(redis, { commandTimeoutMs: 1000 });
        expect(await cache.getJson('k')).toEqual({ status: 'bypass' });

        const server = spawnLogged({
          name: 'redis',
          command: 'redis-server',
          args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
          logDir: dir,
          graceMs: 3000,
        });
        started.push(server);
        await waitForPort('127.0.0.1', port, { timeoutMs: 10_000, process: server });
        // ioredis reconnects on its own (at most 2 s apart): no restart, no new client.
        let stored = false;
        for (let i = 0; i < 50 && !stored; i++) {
          stored = await cache.setJson('k', { back: true }, 60);
          if (!stored) await new Promise((r) => setTimeout(r, 200));
        }
        expect(stored).toBe(true);
        expect(await cache.getJson('k')).toEqual({ status: 'hit', value: { back: true } });
      } finally {
        redis.disconnect();
      }
    } finally {
      await database.drop();
    }
  });
});
