import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT, type Config, type WorkerService } from '../../config';
import { findFreePorts } from './free-port';
import { canConnect, hostAndPort } from './probes';
import { spawnLogged, waitForHttp, type ManagedProcess } from './processes';

/** One of the project's own processes, started from the compiled `dist/` tree. */
export interface NodeService {
  /** `etl-worker`, `etl-worker-2`, …, `api`; also its log file's name. */
  name: string;
  /** Compiled entry point, relative to the project root. */
  entry: string;
  /** The variable that sets its port, named in errors. */
  portVariable: string;
  baseUrl: string;
  /** Extra flags for node. */
  nodeFlags: string[];
  /** Variables for this process only: a replica's port and instance name. */
  env: Record<string, string>;
  /** The worker service it belongs to; absent for the API. */
  worker?: WorkerService;
}

/** What the local stack knows about a worker service. Adding a worker service is one entry here. */
export interface WorkerServiceSpec {
  service: WorkerService;
  entry: string;
  portVariable: string;
  replicasVariable: string;
  /** Started only once its entry is built: the analysis worker lands with the analysis issue. */
  optional?: boolean;
}

export const WORKER_SERVICES: readonly WorkerServiceSpec[] = [
  {
    service: 'etl',
    entry: 'dist/workers/etl.js',
    portVariable: 'ETL_WORKER_PORT',
    replicasVariable: 'ETL_WORKER_REPLICAS',
  },
  {
    service: 'data',
    entry: 'dist/workers/data.js',
    portVariable: 'DATA_WORKER_PORT',
    replicasVariable: 'DATA_WORKER_REPLICAS',
  },
  {
    service: 'analysis',
    entry: 'dist/workers/analysis.js',
    portVariable: 'ANALYSIS_WORKER_PORT',
    replicasVariable: 'ANALYSIS_WORKER_REPLICAS',
    optional: true,
  },
];

/**
 * Workers stream their data (bounded buffers), so their live heap stays small; without a cap V8 lets garbage pile
 * up to several hundred MB before collecting it. 256 MB keeps a replica's footprint predictable when scaling out.
 * The young generation may grow to 64 MB semi-spaces (V8 grows it only for a process that allocates fast): drawing
 * charts makes short-lived objects at a high rate, and with the default 16 MB a scavenge came every few dozen
 * milliseconds and copied what the chart in progress still held. On the pipeline benchmark an analysis worker's
 * scavenges took 2.4 s instead of 4.3 s, the etl worker's 0.5 s instead of 1.0 s. Compose starts them the same way.
 */
export const WORKER_HEAP_FLAGS = ['--max-old-space-size=256', '--max-semi-space-size=64'];

/** SIGKILL comes this long after the worker's own grace time, so draining activities are never cut short by us. */
const STOP_MARGIN_MS = 5000;

/**
 * Every process of the stack, workers first so the API's first request finds someone polling its task queues.
 * Replica 1 of each worker uses the configured port; the others take `extraPorts` in order (planNodeServices
 * finds free ones). An optional worker whose entry is not built is left out.
 */
export function nodeServices(
  config: Config,
  replicas: Record<WorkerService, number> = { etl: 1, data: 1, analysis: 1 },
  extraPorts: number[] = [],
): NodeService[] {
  const ports = [...extraPorts];
  const services: NodeService[] = [];
  for (const spec of activeWorkerServices()) {
    for (let replica = 1; replica <= replicas[spec.service]; replica++) {
      const port = replica === 1 ? config.workers[spec.service].port : ports.shift();
      if (port === undefined) throw new Error(`no port for ${spec.service} replica ${replica}`);
      services.push({
        name: replica === 1 ? `${spec.service}-worker` : `${spec.service}-worker-${replica}`,
        entry: spec.entry,
        portVariable: spec.portVariable,
        baseUrl: local(port),
        nodeFlags: WORKER_HEAP_FLAGS,
        env: { [spec.portVariable]: String(port), WORKER_INSTANCE: `${spec.service}-${replica}` },
        worker: spec.service,
      });
    }
  }
  services.push({
    name: 'api',
    entry: 'dist/api/server.js',
    portVariable: 'API_PORT',
    baseUrl: apiBaseUrl(config),
    nodeFlags: [],
    env: {},
  });
  return services;
}

/** nodeServices with free ports found for every replica after the first. */
export async function planNodeServices(
  config: Config,
  replicas: Record<WorkerService, number> = config.replicas,
): Promise<NodeService[]> {
  const extra = activeWorkerServices().reduce((n, spec) => n + Math.max(0, replicas[spec.service] - 1), 0);
  return nodeServices(config, replicas, extra ? await findFreePorts(extra) : []);
}

export function apiBaseUrl(config: Config): string {
  return `http://${urlHost(config.api.host)}:${config.api.port}`;
}

function activeWorkerServices(): WorkerServiceSpec[] {
  return WORKER_SERVICES.filter((spec) => !spec.optional || fs.existsSync(path.join(PROJECT_ROOT, spec.entry)));
}

/** Entry points not built yet, each with the source file that should produce it. */
export function missingEntries(services: NodeService[]): string[] {
  return [...new Set(services.map((service) => service.entry))]
    .filter((entry) => !fs.existsSync(path.join(PROJECT_ROOT, entry)))
    .map((entry) => `${entry} (from ${entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')})`);
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

export interface StartNodeServiceOptions {
  timeoutMs?: number;
  /** Variables on top of this process's environment (tests point a service at their own database this way). */
  env?: NodeJS.ProcessEnv;
  /** The worker's WORKER_SHUTDOWN_GRACE_SECONDS; stop() waits that long plus a margin before SIGKILL. */
  shutdownGraceSeconds?: number;
}

/** Starts the service and waits for its /health; a service that does not get healthy is stopped again. */
export async function startNodeService(
  service: NodeService,
  logDir: string,
  options: StartNodeServiceOptions | number = {},
): Promise<ManagedProcess> {
  const {
    timeoutMs = 60_000,
    env = process.env,
    shutdownGraceSeconds = 25,
  } = typeof options === 'number' ? { timeoutMs: options } : options;
  const proc = spawnLogged({
    name: service.name,
    command: process.execPath,
    args: ['--enable-source-maps', ...service.nodeFlags, path.join(PROJECT_ROOT, service.entry)],
    cwd: PROJECT_ROOT,
    env: { ...env, ...service.env },
    logDir,
    // Workers finish the activities in hand before they exit.
    graceMs: shutdownGraceSeconds * 1000 + STOP_MARGIN_MS,
  });
  try {
    await waitForHttp(`${service.baseUrl}/health`, { timeoutMs, process: proc });
  } catch (err) {
    await proc.stop(2000);
    throw err;
  }
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
