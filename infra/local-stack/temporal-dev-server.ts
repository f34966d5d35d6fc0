import path from 'node:path';
import { Connection } from '@temporalio/client';
import { canConnect, hostAndPort } from './probes';
import { spawnLogged, waitUntil, type ManagedProcess } from './processes';
import { ensureSearchAttributes, searchAttributeFlags } from './temporal-search-attributes';

export interface TemporalDevServerOptions {
  /** The `temporal` CLI binary. */
  binary: string;
  /** host:port of the frontend gRPC service (TEMPORAL_ADDRESS). */
  address: string;
  namespace: string;
  /** Web UI port; null runs headless. */
  uiPort: number | null;
  /** SQLite file that keeps workflow history across restarts; omitted means in memory. */
  dbFile?: string;
  logDir: string;
  /** The CLI picks free ports for these when unset, so two servers never collide on them. */
  httpPort?: number;
  metricsPort?: number;
  timeoutMs?: number;
}

/**
 * Starts `temporal server start-dev` unless a Temporal server already answers at the address; a reused
 * server gets any missing search attributes and null is returned, since it is not ours to stop.
 */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<ManagedProcess | null> {
  const { host, port } = hostAndPort(options.address);
  if (await canConnect(host, port)) {
    await withConnection(options.address, 5000, (connection) => ensureSearchAttributes(connection, options.namespace));
    return null;
  }
  const proc = spawnLogged({
    name: 'temporal',
    command: options.binary,
    args: devServerArgs(options, host, port),
    logDir: options.logDir,
    graceMs: 10_000,
  });
  try {
    await waitUntil(
      `Temporal to serve namespace "${options.namespace}" at ${options.address}`,
      () => namespaceReady(options),
      {
        timeoutMs: options.timeoutMs ?? 60_000,
        process: proc,
        intervalMs: 500,
      },
    );
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return proc;
}

function devServerArgs(options: TemporalDevServerOptions, host: string, port: number): string[] {
  const args = ['server', 'start-dev', '--ip', host, '--port', String(port), '--namespace', options.namespace];
  args.push(...(options.uiPort === null ? ['--headless'] : ['--ui-port', String(options.uiPort)]));
  if (options.dbFile) args.push('--db-filename', path.resolve(options.dbFile));
  if (options.httpPort) args.push('--http-port', String(options.httpPort));
  if (options.metricsPort) args.push('--metrics-port', String(options.metricsPort));
  for (const flag of searchAttributeFlags()) args.push('--search-attribute', flag);
  args.push('--log-level', 'warn', '--ui-disable-news-fetch');
  return args;
}

async function namespaceReady(options: TemporalDevServerOptions): Promise<boolean> {
  try {
    await withConnection(options.address, 2000, (connection) =>
      connection.workflowService.describeNamespace({ namespace: options.namespace }),
    );
    return true;
  } catch {
    return false;
  }
}

async function withConnection<T>(address: string, timeoutMs: number, use: (c: Connection) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address, connectTimeout: timeoutMs });
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}
