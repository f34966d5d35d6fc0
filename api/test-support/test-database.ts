import { randomBytes } from 'node:crypto';
import { Client, type Pool } from 'pg';
import { ensureDatabase } from '../../infra/db/ensure-database';
import { runMigrations } from '../../infra/db/migrate';
import { createPool } from '../../infra/db/pool';

const SERVER_URL = process.env.IBY_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  pool: Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own (`iby_test_api_<random>`), dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `iby_test_api_${randomBytes(6).toString('hex')}`;
  const url = `${SERVER_URL}/${name}`;
  await ensureDatabase(url);
  const pool = createPool(url, 4);
  await runMigrations(pool);
  return {
    pool,
    async drop() {
      await pool.end();
      const admin = new Client({ connectionString: `${SERVER_URL}/postgres` });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}
