import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Pool } from 'pg';
import { loadConfig, type Config } from '../../config';
import { createPool } from '../../infra/db/pool';
import { findFreePorts } from '../../infra/local-stack/free-port';
import { nodeServices, startNodeService, type NodeService } from '../../infra/local-stack/node-services';
import type { ManagedProcess } from '../../infra/local-stack/processes';
import { startSeaweed } from '../../infra/local-stack/seaweed';
import { startTemporalDevServer } from '../../infra/local-stack/temporal-dev-server';
import { ensureTools } from '../../infra/local-stack/tools';
import { createObjectStore, ensureBucket } from '../../infra/s3';

const PG_BIN = '/usr/lib/postgresql/15/bin';

/**
 * The whole system with servers of its own — Postgres (initdb'd in a temp dir), redis-server, the Temporal dev
 * server, SeaweedFS — and the etl, data and API processes from `dist/`, so a test may stop, pause or kill any of
 * them without touching what other tests or engineers use.
 */
export interface FaultStack {
  config: Config;
  apiUrl: string;
  apiKey: string;
  db: Pool;
  services: Record<'etl-worker' | 'data-worker' | 'api', ManagedProcess>;
  temporal: ManagedProcess;
  seaweed: ManagedProcess;
  redis: ChildProcess;
  restartPostgres(): void;
  /** kill -9, then start it again (the supervisor that would do this in `npm start` is not part of this test). */
  killAndRestart(name: 'etl-worker' | 'data-worker'): Promise<void>;
  stop(): Promise<void>;
}

/** Stops a process group (SIGSTOP) for `ms`, then lets it go on. */
export async function pause(pid: number, ms: number): Promise<void> {
  process.kill(-pid, 'SIGSTOP');
  try {
    await new Promise((resolve) => setTimeout(resolve, ms));
  } finally {
    process.kill(-pid, 'SIGCONT');
  }
}

export async function startFaultStack(importRoot: string): Promise<FaultStack> {
  const tools = await ensureTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-faults-'));
  fs.chmodSync(dir, 0o777);
  const logDir = path.join(dir, 'logs');
  const [temporalPort, api, etl, data, analysis, s3, pgPort, redisPort, ...weed] = await findFreePorts(15);
  const [s3Grpc, master, masterGrpc, volume, volumeGrpc, filer, filerGrpc] = weed;
  const apiKey = randomBytes(8).toString('hex');

  // Postgres refuses to run as root: the cluster belongs to the postgres user when we are root.
  const pgDir = path.join(dir, 'pg');
  const asPostgres = (cmd: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(PG_BIN, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(PG_BIN, cmd), args, { stdio: 'pipe' });
  asPostgres('initdb', ['-D', pgDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const pgOptions = `-p ${pgPort} -k ${pgDir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  const pgCtl = (...args: string[]) =>
    asPostgres('pg_ctl', ['-D', pgDir, '-o', pgOptions, '-l', path.join(pgDir, 'log'), '-w', ...args]);
  pgCtl('start');

  const redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );

  const env: Record<string, string> = {
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    S3_ENDPOINT: `http://127.0.0.1:${s3}`,
    S3_ACCESS_KEY: 'iby-faults',
    S3_SECRET_KEY: randomBytes(12).toString('hex'),
    S3_BUCKET: `iby-faults-${randomBytes(4).toString('hex')}`,
    DATABASE_URL: `postgres://postgres@127.0.0.1:${pgPort}/iby`,
    REDIS_URL: `redis://127.0.0.1:${redisPort}/0`,
    API_PORT: String(api),
    API_KEYS: apiKey,
    IMPORT_ROOTS: importRoot,
    ETL_WORKER_PORT: String(etl),
    DATA_WORKER_PORT: String(data),
    ANALYSIS_WORKER_PORT: String(analysis),
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
  };
  // Child processes inherit process.env; the test's own env is put back in stop().
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const config = loadConfig();
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  stops.push(async () => {
    redis.kill('SIGKILL');
    pgCtl('stop', '-m', 'immediate');
    return Promise.resolve();
  });
  try {
    // SeaweedFS first: the Temporal dev server listens on ephemeral ports of its own, which could take one of the
    // free ports found for SeaweedFS before it binds them.
    const seaweed = await startSeaweed({
      binary: tools.tools.weed,
      s3: config.s3,
      dataDir: path.join(dir, 'seaweedfs'),
      logDir,
      ports: { s3, s3Grpc, master, masterGrpc, volume, volumeGrpc, filer, filerGrpc },
      stopGraceMs: 2000,
    });
    if (!seaweed) throw new Error('an S3 server already answers on the free port');
    stops.push(() => seaweed.stop());
    const temporal = await startTemporalDevServer({
      binary: tools.tools.temporal,
      address: config.temporal.address,
      namespace: config.temporal.namespace,
      uiPort: null,
      logDir,
    });
    if (!temporal) throw new Error('a Temporal server already answers on the free port');
    stops.push(() => temporal.stop());
    await ensureBucket(createObjectStore(config.s3), config.s3.region);
    const byName = new Map(nodeServices(config).map((s) => [s.name, s]));
    const services = {} as FaultStack['services'];
    const start = async (name: keyof FaultStack['services']) => {
      services[name] = await startNodeService(byName.get(name) as NodeService, logDir);
    };
    for (const name of ['data-worker', 'etl-worker', 'api'] as const) await start(name);
    stops.push(() => Promise.all(Object.values(services).map((p) => p.stop(2000))));
    const db = createPool(config.db.url, 2, { logger: { warn: () => undefined } });
    stops.push(() => db.end());
    return {
      config,
      apiUrl: `http://127.0.0.1:${api}`,
      apiKey,
      db,
      services,
      temporal,
      seaweed,
      redis,
      restartPostgres: () => pgCtl('restart', '-m', 'fast'),
      async killAndRestart(name) {
        const proc = services[name];
        process.kill(proc.pid, 'SIGKILL');
        await proc.exited;
        await start(name);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
