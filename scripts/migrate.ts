import { ConfigError, loadConfig } from '../config';
import { migrate } from './setup';

/** `npm run migrate`: applies pending migrations to DATABASE_URL, nothing else (`npm run setup` creates the database). */
async function main(): Promise<void> {
  await migrate(loadConfig(), console.log);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : `migrate failed: ${(err as Error).message}`);
  process.exit(1);
});
