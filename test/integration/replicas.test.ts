import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, PROJECT_ROOT } from '../../config';
import { PRICE_PROVIDER_NAMES, providerTaskQueue, TASK_QUEUES, type IngestPricesRequest } from '../../contracts';
import { findFreePorts } from '../../infra/local-stack/free-port';
import { httpStatus } from '../../infra/local-stack/probes';
import { startWorkerFleet, type WorkerFleet } from '../../infra/local-stack/worker-fleet';
import { createObjectStore, ensureBucket } from '../../infra/s3';
import { ingestPrices } from '../../workflows';
import { auditOhlcvNameFile } from '../support/naive-price-audit';
import { sharedData } from '../support/shared-data';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { workerIdentities } from '../support/worker-identities';

// 2 etl and 2 data worker processes, started from dist/ by the same code as `npm start --replicas etl=2,data=2`;
// one of each is killed with SIGKILL mid-run. The run must come out exact, and the supervisor brings them back.
const ALL_STOCKS = sharedData('ohlcv', 'all_stocks_5yr.csv');
const SYMBOL_COUNT = 150;
const BATCH_SIZE = 5;

let database: TestDatabase;
let fleet: WorkerFleet;
let client: Client;
let connection: Connection;
const logDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-replicas-'));
const news: string[] = [];

function firstSymbols(count: number): string[] {
  const names = new Set<string>();
  for (const line of fs.readFileSync(ALL_STOCKS, 'utf8').split('\n').slice(1)) {
    const name = line.split(',')[6]?.trim();
    if (name) names.add(name);
  }
  return [...names].sort().slice(0, count);
}

beforeAll(async () => {
  for (const entry of ['dist/workers/etl.js', 'dist/workers/data.js', 'dist/workflow-bundle.js']) {
    if (!fs.existsSync(path.join(PROJECT_ROOT, entry)))
      throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does)`);
  }
  database = await createTestDatabase();
  const bucket = `iby-test-${randomBytes(4).toString('hex')}`;
  const [etlPort, dataPort] = await findFreePorts(2);
  const env = {
    ...process.env,
    DATABASE_URL: database.url,
    S3_BUCKET: bucket,
    ETL_WORKER_PORT: String(etlPort),
    DATA_WORKER_PORT: String(dataPort),
    // Kept apart from the developer's cache and from other test files.
    REDIS_URL: 'redis://127.0.0.1:6379/11',
    WORKER_SHUTDOWN_GRACE_SECONDS: '2',
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(env);
  await ensureBucket(createObjectStore(config.s3), config.s3.region);
  fleet = await startWorkerFleet({
    config,
    replicas: { etl: 2, data: 2, analysis: 0 },
    logDir,
    env,
    policy: { initialDelayMs: 200 },
    say: (line) => news.push(line),
  });
  connection = await Connection.connect({ address: config.temporal.address });
  client = new Client({ connection });
});

afterAll(async () => {
  await fleet?.stop();
  await connection?.close();
  await database?.drop();
  fs.rmSync(logDir, { recursive: true, force: true });
});

async function loadedBatches(): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ingestion_batches');
  return rows[0].n;
}

interface Health {
  pid: number;
  identity: string;
  taskQueues: string[];
  inFlightActivities: number;
}

async function health(baseUrl: string): Promise<Health> {
  const response = await fetch(`${baseUrl}/health`);
  return (await response.json()) as Health;
}

/** Until the replica is working on an activity, so the kill interrupts work in flight. */
async function whenBusy(baseUrl: string): Promise<void> {
  while ((await health(baseUrl)).inFlightActivities < 1) await new Promise((r) => setTimeout(r, 20));
}

describe('worker replicas under kill -9', () => {
  it('serves /health per replica with its pid, identity and task queues', async () => {
    const seen = await Promise.all(fleet.services.map((s) => health(s.baseUrl)));
    expect(fleet.services.map((s) => s.name)).toEqual(['etl-worker', 'etl-worker-2', 'data-worker', 'data-worker-2']);
    expect(new Set(fleet.services.map((s) => s.baseUrl)).size).toBe(4);
    seen.forEach((h, i) => {
      expect(h.pid).toBe(fleet.supervised[i].current()?.pid);
      expect(h.identity).toBe(`${fleet.services[i].env.WORKER_INSTANCE}/${h.pid}@${os.hostname()}`);
    });
    expect(seen[1].taskQueues).toEqual([
      TASK_QUEUES.etl,
      ...PRICE_PROVIDER_NAMES.map(providerTaskQueue),
      TASK_QUEUES.etlSec,
      TASK_QUEUES.etlFred,
    ]);
    expect(seen[3].taskQueues).toEqual([TASK_QUEUES.data]);
    expect(await httpStatus(`${fleet.services[1].baseUrl}/metrics`)).toBe(200);
  });

  it('completes exactly, without duplicates, when an etl and a data replica are killed mid-run', async () => {
    const symbols = firstSymbols(SYMBOL_COUNT);
    const expected = auditOhlcvNameFile(ALL_STOCKS, new Set(symbols));
    const request: IngestPricesRequest = { source: 'csv', path: ALL_STOCKS, symbols, batchSize: BATCH_SIZE };
    const workflowId = `replicas-${randomBytes(4).toString('hex')}`;
    const started = Date.now();
    const handle = await client.workflow.start(ingestPrices, {
      workflowId,
      taskQueue: TASK_QUEUES.etl,
      args: [request],
    });

    // Mid-run: the first batch is in, most are not.
    while ((await loadedBatches()) < 1) await new Promise((r) => setTimeout(r, 50));
    const batches = SYMBOL_COUNT / BATCH_SIZE;
    expect(await loadedBatches()).toBeLessThan(batches / 2);
    // Each victim is killed while it runs an activity: the interesting crash, not an idle one.
    const victims = [1, 3].map((i) => ({ supervisor: fleet.supervised[i], baseUrl: fleet.services[i].baseUrl }));
    const killed: number[] = [];
    const restarted = victims.map((v) => v.supervisor.nextRestart());
    for (const victim of victims) {
      await whenBusy(victim.baseUrl);
      const pid = victim.supervisor.current()?.pid ?? 0;
      process.kill(pid, 'SIGKILL');
      killed.push(pid);
    }

    const result = await handle.result();
    const seconds = (Date.now() - started) / 1000;

    expect(result.rowsRead).toBe(expected.read);
    expect(result.rowsRejected).toBe(expected.rejected);
    expect(result.rowsLoaded).toBe(expected.read - expected.rejected);
    expect(result.batches).toBe(batches);
    expect(result.batchesFailed).toBe(0);
    const { rows } = await database.pool.query<{ bars: number; keys: number; batches: number }>(
      `SELECT (SELECT count(*)::int FROM price_bars) AS bars,
              (SELECT count(DISTINCT (symbol, date))::int FROM price_bars) AS keys,
              (SELECT count(DISTINCT batch_key)::int FROM ingestion_batches) AS batches`,
    );
    expect(rows[0]).toEqual({
      bars: expected.read - expected.rejected,
      keys: expected.read - expected.rejected,
      batches,
    });

    // The supervisor brought both back, healthy on the same ports under new pids.
    const back = await Promise.all(restarted);
    for (const [i, proc] of back.entries()) {
      expect(proc.pid).not.toBe(killed[i]);
      expect((await health(fleet.services[i === 0 ? 1 : 3].baseUrl)).pid).toBe(proc.pid);
    }
    expect(news.join('\n')).toMatch(/etl-worker-2 exited unexpectedly \(killed by SIGKILL\)/);
    expect(news.join('\n')).toMatch(/data-worker-2 exited unexpectedly \(killed by SIGKILL\)/);

    // From the histories: the work was spread over more than one process of each service.
    const who = await workerIdentities(client, workflowId);
    const etl = who.activities.get(TASK_QUEUES.etl) ?? new Set();
    const data = who.activities.get(TASK_QUEUES.data) ?? new Set();
    expect(etl.size).toBeGreaterThan(1);
    expect(data.size).toBeGreaterThan(1);
    expect(who.workflowTasks.size).toBeGreaterThan(1);
    // The activities the kills interrupted ran again elsewhere (a retried attempt in the history).
    expect(who.retriedAttempts).toBeGreaterThanOrEqual(1);
    for (const identity of [...etl, ...data]) expect(identity).toMatch(/^(etl|data)-\d+\/\d+@/);
    process.stdout.write(
      `replicas: ${seconds.toFixed(1)} s with kills; ${who.retriedAttempts} retried attempts; etl ${[...etl].join(', ')}; data ${[...data].join(', ')}\n`,
    );
  }, 150_000);
});
