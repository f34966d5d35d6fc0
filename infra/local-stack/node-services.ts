import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, type Config } from '../../config';
import { canConnect, hostAndPort } from './probes';
import { spawnLogged, waitForHttp, type ManagedProcess } from './processes';

/** One of the project's own processes, started from the compiled `dist/` tree. */
export interface NodeService {
  name: string;
  /** Compiled entry point, relative to the project root. */
  entry: string;
  /** The variable that sets its port, named in errors. */
  portVariable: string;
  baseUrl: string;
  /** Extra flags for node. */
  nodeFlags: string[];
}

/**
 * Workers stream their data (bounded buffers), so their live heap stays small; without a cap V8 lets garbage pile
 * up to several hundred MB before collecting it. 256 MB keeps a replica's footprint predictable when scaling out.
 */
const WORKER_HEAP_FLAGS = ['--max-old-space-size=256'];

/** Workers first, so the API's first request finds someone polling its task queues. */
export function nodeServices(config: Config): NodeService[] {
  return [
    {
      name: 'etl-worker',
      entry: 'dist/workers/etl.js',
      portVariable: 'ETL_WORKER_PORT',
      baseUrl: local(config.workers.etl.port),
      nodeFlags: WORKER_HEAP_FLAGS,
    },
    {
      name: 'data-worker',
      entry: 'dist/workers/data.js',
      portVariable: 'DATA_WORKER_PORT',
      baseUrl: local(config.workers.data.port),
      nodeFlags: WORKER_HEAP_FLAGS,
    },
    {
      name: 'analysis-worker',
      entry: 'dist/workers/analysis.js',
      portVariable: 'ANALYSIS_WORKER_PORT',
      baseUrl: local(config.workers.analysis.port),
      nodeFlags: WORKER_HEAP_FLAGS,
    },
    {
      name: 'api',
      entry: 'dist/api/server.js',
      portVariable: 'API_PORT',
      baseUrl: `http://${urlHost(config.api.host)}:${config.api.port}`,
      nodeFlags: [],
    },
  ];
}

/** Entry points not built yet, each with the source file that should produce it. */
export function missingEntries(services: NodeService[]): string[] {
  return services
    .filter((service) => !fs.existsSync(path.join(PROJECT_ROOT, service.entry)))
    .map((service) => `${service.entry} (from ${service.entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')})`);
}

/** Run before anything starts: a stale service on our port would answer our health checks in our place. */
export async function assertPortsFree(services: NodeService[]): Promise<void> {
  for (const service of services) {
    const { host, port } = hostAndPort(service.baseUrl);
    if (await canConnect(host, port)) {
      throw new Error(
        `${service.name}: port ${port} (${service.portVariable}) is already in use; is another \`npm start\` running? Stop it or set ${service.portVariable}.`,
      );
    }
  }
}

/** Starts the service and waits for its /health. */
export async function startNodeService(
  service: NodeService,
  logDir: string,
  timeoutMs = 60_000,
): Promise<ManagedProcess> {
  const proc = spawnLogged({
    name: service.name,
    command: process.execPath,
    args: ['--enable-source-maps', ...service.nodeFlags, path.join(PROJECT_ROOT, service.entry)],
    cwd: PROJECT_ROOT,
    logDir,
    // Workers finish the activities in hand before they exit.
    graceMs: 30_000,
  });
  await waitForHttp(`${service.baseUrl}/health`, { timeoutMs, process: proc });
  return proc;
}

function local(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** A bind-everything host is reached through loopback; IPv6 literals need brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
