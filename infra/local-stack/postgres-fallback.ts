import path from 'node:path';
import type { Config } from '../../config';
import { checkPostgres } from './checks';
import { ensurePostgresBinaries, startEmbeddedPostgres } from './embedded-postgres';
import { hostAndPort, redactUrl } from './probes';
import type { ManagedProcess } from './processes';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Postgres for `npm start`: the developer's own when it answers at DATABASE_URL; otherwise, when that URL points
 * at this machine, an embedded one on the same port with its data under DATA_DIR/postgres (started here, returned
 * so the caller supervises and stops it). A remote URL that does not answer is the developer's to fix.
 */
export async function postgresOrEmbedded(
  config: Config,
  say: (line: string) => void,
  toolsDir?: string,
): Promise<ManagedProcess | null> {
  try {
    await checkPostgres(config.db.url);
    return null;
  } catch (err) {
    const { host, port } = hostAndPort(config.db.url);
    const url = new URL(config.db.url);
    if (!LOOPBACK.has(host) || (url.username && url.username !== 'postgres') || url.password) throw err;
    say(`postgres: nothing answers at ${redactUrl(config.db.url)}; starting an embedded Postgres there`);
    const binDir = await ensurePostgresBinaries(toolsDir);
    const dataDir = path.join(config.dataDir, 'postgres');
    const proc = await startEmbeddedPostgres({ binDir, dataDir, port, logDir: path.join(config.dataDir, 'logs') });
    say(`postgres: embedded server (pid ${proc.pid}) on 127.0.0.1:${port}, data in ${dataDir}`);
    return proc;
  }
}
