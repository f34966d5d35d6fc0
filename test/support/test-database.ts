import { randomBytes } from 'node:crypto';
import { Client, type Pool } from 'pg';
import { ensureDatabase } from '../../infra/db/ensure-database';
import { runMigrations } from '../../infra/db/migrate';
import { createPool } from '../../infra/db/pool';

export interface TestDatabase {
  url: string;
  pool: Pool;
  /** Closes the pool and drops the database, even while other sessions still hold it. */
  drop(): Promise<void>;
}

/** Every name starts with this and the run id, so the global teardown can drop what a crashed test left behind. */
export const TEST_DATABASE_PREFIX = 'iby_test_';

/** A fresh, migrated database of its own for one test file, on the server the global setup checked. */
export async function createTestDatabase(): Promise<TestDatabase> {
  // The integration setup names the server it checked; unit tests that need SQL use the local default.
  const base = process.env.IBY_TEST_DATABASE_URL_BASE ?? 'postgres://postgres@127.0.0.1:5432';
  const runId = process.env.IBY_TEST_RUN_ID ?? 'adhoc';
  const url = databaseUrl(base, `${TEST_DATABASE_PREFIX}${runId}_${randomBytes(4).toString('hex')}`);
  await ensureDatabase(url);
  const pool = createPool(url, 5);
  try {
    await runMigrations(pool);
  } catch (err) {
    await pool.end();
    await dropDatabases(base, [new URL(url).pathname.slice(1)]);
    throw err;
  }
  return {
    url,
    pool,
    drop: async () => {
      await pool.end();
      await dropDatabases(base, [new URL(url).pathname.slice(1)]);
    },
  };
}

/** Drops the named databases, or with `{ prefix }` every database whose name starts with it. */
export async function dropDatabases(base: string, names: string[] | { prefix: string }): Promise<string[]> {
  const admin = new Client({ connectionString: databaseUrl(base, 'postgres') });
  await admin.connect();
  try {
    const targets = Array.isArray(names)
      ? names
      : (
          await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [
            names.prefix,
          ])
        ).rows.map((row) => row.datname);
    for (const name of targets) {
      await admin.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
    }
    return targets;
  } finally {
    await admin.end();
  }
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
