import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { createPool } from '../infra/db/pool';
import { PROJECT_ROOT } from '../config';
import { ensureDatabase } from '../infra/db/ensure-database';
import { runMigrations } from '../infra/db/migrate';

export const RESULTS_DIR = path.join(PROJECT_ROOT, 'bench-results');

export function writeResult(name: string, result: object): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify({ name, measuredAt: new Date().toISOString(), ...result }, null, 2) + '\n');
  return file;
}

/** A throwaway migrated database, so a benchmark never touches the data of a running stack. */
export async function benchDatabase(
  base = process.env.IBY_BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432',
) {
  const url = `${base}/iby_bench_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(url);
  const pool = createPool(url, 8);
  await runMigrations(pool);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      const admin = new Pool({ connectionString: `${base}/postgres`, max: 1 });
      await admin.query(`DROP DATABASE IF EXISTS "${new URL(url).pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await work();
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, value };
}

export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
