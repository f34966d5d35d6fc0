import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config';
import { ensureDatabase } from '../infra/db/ensure-database';
import { findFreePorts } from '../infra/local-stack/free-port';
import { planNodeServices, startNodeService } from '../infra/local-stack/node-services';
import { stopAll, type ManagedProcess } from '../infra/local-stack/processes';
import { startSeaweed } from '../infra/local-stack/seaweed';
import { startTemporalDevServer } from '../infra/local-stack/temporal-dev-server';
import { ensureTools } from '../infra/local-stack/tools';
import { createObjectStore, ensureBucket } from '../infra/s3';
import { dropDatabases } from '../test/support/test-database';

export interface IsolatedStack {
  config: Config;
  /** By name: `etl-worker`, `data-worker`, `analysis-worker`, `api`, and `<service>-worker-<n>` for extra replicas. */
  services: Record<'etl-worker' | 'data-worker' | 'analysis-worker' | 'api', ManagedProcess> &
    Record<string, ManagedProcess>;
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it — Temporal dev server, SeaweedFS, the worker processes (and replicas), the
 * API — on free ports, a fresh database and a temp folder, so a benchmark never meets a running stack.
 */
export async function startIsolatedStack(overrides: Record<string, string>): Promise<IsolatedStack> {
  const tools = await ensureTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-bench-stack-'));
  const [temporal, api, etl, data, analysis, s3, ...weed] = await findFreePorts(13);
  const [s3Grpc, master, masterGrpc, volume, volumeGrpc, filer, filerGrpc] = weed;
  const id = randomBytes(4).toString('hex');
  Object.assign(process.env, {
    TEMPORAL_ADDRESS: `127.0.0.1:${temporal}`,
    S3_ENDPOINT: `http://127.0.0.1:${s3}`,
    S3_ACCESS_KEY: 'iby-bench',
    S3_SECRET_KEY: randomBytes(12).toString('hex'),
    S3_BUCKET: `iby-bench-${id}`,
    DATABASE_URL: `postgres://postgres@127.0.0.1:5432/iby_bench_${id}`,
    API_PORT: String(api),
    ETL_WORKER_PORT: String(etl),
    DATA_WORKER_PORT: String(data),
    ANALYSIS_WORKER_PORT: String(analysis),
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    ...overrides,
  });
  const config = loadConfig();
  const logDir = path.join(dir, 'logs');
  const stop = async () => {
    await stopAll();
    fs.rmSync(dir, { recursive: true, force: true });
    // The stack's database holds a whole history after most benchmarks: left behind, runs fill the disk.
    await dropDatabases(config.db.url, [new URL(config.db.url).pathname.slice(1)]).catch((err: unknown) => {
      process.stderr.write(`could not drop the benchmark database ${config.db.url}: ${String(err)}\n`);
    });
  };
  try {
    await startTemporalDevServer({
      binary: tools.tools.temporal,
      address: config.temporal.address,
      namespace: config.temporal.namespace,
      uiPort: null,
      logDir,
    });
    await startSeaweed({
      binary: tools.tools.weed,
      s3: config.s3,
      dataDir: path.join(dir, 'seaweedfs'),
      logDir,
      ports: { s3, s3Grpc, master, masterGrpc, volume, volumeGrpc, filer, filerGrpc },
      stopGraceMs: 3000,
    });
    await ensureDatabase(config.db.url);
    await ensureBucket(createObjectStore(config.s3), config.s3.region);
    const started: Record<string, ManagedProcess> = {};
    // Replicas as configured (`ANALYSIS_WORKER_REPLICAS`…), each on a port of its own.
    for (const service of await planNodeServices(config)) {
      started[service.name] = await startNodeService(service, logDir);
    }
    return { config, services: started as IsolatedStack['services'], stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Peak resident set of a process so far (VmHWM), in MB. */
export function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}
