import { ConfigError, loadConfig, type Config } from '../config';
import { ensureDatabase } from '../infra/db/ensure-database';
import { runMigrations } from '../infra/db/migrate';
import { createPool } from '../infra/db/pool';
import { checkPostgres, checkRedis } from '../infra/local-stack/checks';
import { canConnect, hostAndPort, redactUrl } from '../infra/local-stack/probes';
import { DEFAULT_TOOLS_DIR, ensureTools, type LocalTools } from '../infra/local-stack/tools';
import { createObjectStore, ensureBucket } from '../infra/s3';

type Say = (line: string) => void;

/** Finds or installs temporal, temporal-test-server and weed; one line per binary. */
export async function setupTools(say: Say, toolsDir = DEFAULT_TOOLS_DIR): Promise<LocalTools> {
  const { tools, origin } = await ensureTools(toolsDir);
  for (const [name, file] of Object.entries(tools)) {
    say(`tools: ${name} ${origin[name as keyof LocalTools]} ${file}`);
  }
  return tools;
}

/** Everything that must exist before any process starts. Safe to run again: each step checks first. */
export async function setupServices(config: Config, say: Say): Promise<void> {
  await checkPostgres(config.db.url);
  say(`postgres: answers at ${redactUrl(config.db.url)}`);
  try {
    await checkRedis(config.redis.url);
    say(`redis: answers at ${redactUrl(config.redis.url)}`);
  } catch {
    // Redis is a cache: every process falls back to Postgres (and the API to an in-memory rate-limit store), and
    // ioredis keeps reconnecting, so the cache is used again as soon as Redis answers.
    say(
      `redis: nothing answers at ${redactUrl(config.redis.url)}; running WITHOUT the cache (reads go to Postgres, rate limits are kept in memory) until it answers`,
    );
  }
  const dbName = new URL(config.db.url).pathname.slice(1);
  say(`database: ${(await ensureDatabase(config.db.url)) ? 'created' : 'exists'} ${dbName}`);
  await migrate(config, say);
  await setupBucket(config, say);
}

export async function migrate(config: Config, say: Say): Promise<void> {
  const pool = createPool(config.db.url, 1);
  try {
    const applied = await runMigrations(pool);
    say(`migrations: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
  } finally {
    await pool.end();
  }
}

/** The bucket can only be made when S3 answers; `npm start` calls this again once SeaweedFS runs. */
export async function setupBucket(config: Config, say: Say): Promise<void> {
  const { host, port } = hostAndPort(config.s3.endpoint);
  if (!(await canConnect(host, port))) {
    say(`bucket: skipped, nothing answers at ${config.s3.endpoint} yet (npm start starts SeaweedFS there)`);
    return;
  }
  const created = await ensureBucket(createObjectStore(config.s3), config.s3.region);
  say(`bucket: ${created ? 'created' : 'exists'} ${config.s3.bucket} at ${config.s3.endpoint}`);
}

async function main(argv: string[]): Promise<void> {
  const toolsDirFlag = argv.indexOf('--tools-dir');
  const toolsDir = toolsDirFlag >= 0 ? argv[toolsDirFlag + 1] : undefined;
  // In containers (compose/) the servers run elsewhere and no binaries are needed.
  if (!argv.includes('--no-tools')) await setupTools(console.log, toolsDir);
  if (argv.includes('--tools-only')) return;
  await setupServices(loadConfig(), console.log);
  console.log('setup: done');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : `setup failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
