/**
 * Benchmark: crash recovery at scale. The whole of all_stocks_5yr.csv through 2 etl and 2 data worker processes
 * (started as `npm start -- --replicas etl=2,data=2` starts them), once clean and once with one etl and one data
 * replica killed with SIGKILL as soon as the first batch is in. Both runs must be exact; the figure is the wall
 * time with the kills over the clean one. Target ≤ 2: a killed worker's activities are retried elsewhere within
 * the heartbeat timeout, so the kills cost seconds, not minutes.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config';
import { TASK_QUEUES, type IngestPricesResult } from '../contracts';
import { findFreePorts } from '../infra/local-stack/free-port';
import type { ManagedProcess } from '../infra/local-stack/processes';
import { startSeaweed } from '../infra/local-stack/seaweed';
import { startTemporalDevServer } from '../infra/local-stack/temporal-dev-server';
import { ensureTools } from '../infra/local-stack/tools';
import { startWorkerFleet } from '../infra/local-stack/worker-fleet';
import { createObjectStore, ensureBucket } from '../infra/s3';
import { sharedData } from '../test/support/shared-data';
import { workerIdentities } from '../test/support/worker-identities';
import { ingestPrices } from '../workflows';
import { benchDatabase, timed, writeResult } from './support';

const FILE = sharedData('ohlcv', 'all_stocks_5yr.csv');
const EXPECTED_ROWS = 619_040;
const TARGET_RATIO = 2;

export async function run() {
  const { tools } = await ensureTools();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-bench-replicas-'));
  const logDir = path.join(dir, 'logs');
  const db = await benchDatabase();
  const [temporalPort, etlPort, dataPort, s3, ...weed] = await findFreePorts(11);
  const [s3Grpc, master, masterGrpc, volume, volumeGrpc, filer, filerGrpc] = weed;
  const env = {
    ...process.env,
    TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
    S3_ENDPOINT: `http://127.0.0.1:${s3}`,
    S3_ACCESS_KEY: 'iby-bench',
    S3_SECRET_KEY: randomBytes(12).toString('hex'),
    S3_BUCKET: `iby-bench-${randomBytes(4).toString('hex')}`,
    DATABASE_URL: db.url,
    REDIS_URL: 'redis://127.0.0.1:6379/10',
    ETL_WORKER_PORT: String(etlPort),
    DATA_WORKER_PORT: String(dataPort),
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
  };
  const config = loadConfig(env);
  const servers: ManagedProcess[] = [];
  let fleet: Awaited<ReturnType<typeof startWorkerFleet>> | undefined;
  let connection: Connection | undefined;
  try {
    const temporal = await startTemporalDevServer({
      binary: tools.temporal,
      address: config.temporal.address,
      namespace: config.temporal.namespace,
      uiPort: null,
      logDir,
    });
    if (temporal) servers.push(temporal);
    const seaweed = await startSeaweed({
      binary: tools.weed,
      s3: config.s3,
      dataDir: path.join(dir, 'seaweedfs'),
      logDir,
      ports: { s3, s3Grpc, master, masterGrpc, volume, volumeGrpc, filer, filerGrpc },
      stopGraceMs: 3000,
    });
    if (seaweed) servers.push(seaweed);
    await ensureBucket(createObjectStore(config.s3), config.s3.region);
    fleet = await startWorkerFleet({ config, replicas: { etl: 2, data: 2, analysis: 0 }, logDir, env });
    connection = await Connection.connect({ address: config.temporal.address });
    const client = new Client({ connection });

    const ingest = async (kill: boolean) => {
      await db.pool.query('TRUNCATE price_bars, ingestion_batches, ingestion_runs, securities');
      const workflowId = `bench-replicas-${kill ? 'kill' : 'clean'}-${randomBytes(3).toString('hex')}`;
      const outcome = await timed(async () => {
        const handle = await client.workflow.start(ingestPrices, {
          workflowId,
          taskQueue: TASK_QUEUES.etl,
          args: [{ source: 'csv', path: FILE }],
        });
        if (kill && fleet) {
          while ((await loadedBatches()) < 1) await new Promise((r) => setTimeout(r, 50));
          // Each victim is killed while it runs an activity, so the kill costs what a real crash costs.
          for (const i of [1, 3]) {
            await whenBusy(fleet.services[i].baseUrl);
            const pid = fleet.supervised[i].current()?.pid;
            if (pid) process.kill(pid, 'SIGKILL');
          }
        }
        return handle.result();
      });
      check(outcome.value, await countBars());
      const who = await workerIdentities(client, workflowId);
      console.log(
        `  ${kill ? 'with kills' : 'clean     '}: ${outcome.seconds.toFixed(1)} s, ${outcome.value.rowsLoaded} rows loaded, ${who.retriedAttempts} retried attempts, ${[...(who.activities.get(TASK_QUEUES.data) ?? [])].length} data identities`,
      );
      return outcome.seconds;
    };
    const loadedBatches = async () =>
      (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ingestion_batches')).rows[0].n;
    const countBars = async () =>
      (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM price_bars')).rows[0].n;

    const cleanSeconds = await ingest(false);
    const killSeconds = await ingest(true);
    const ratio = killSeconds / cleanSeconds;
    console.log(
      `kills: ${killSeconds.toFixed(1)} s vs clean ${cleanSeconds.toFixed(1)} s, ratio ${ratio.toFixed(2)} (target <= ${TARGET_RATIO})`,
    );
    const result = { cleanSeconds, killSeconds, ratio, target: TARGET_RATIO, pass: ratio <= TARGET_RATIO };
    writeResult('replicas', result);
    return { name: 'replicas', ...result };
  } finally {
    await fleet?.stop();
    await connection?.close();
    for (const proc of servers.reverse()) await proc.stop();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function whenBusy(baseUrl: string): Promise<void> {
  for (;;) {
    const health = (await (await fetch(`${baseUrl}/health`)).json()) as { inFlightActivities: number };
    if (health.inFlightActivities > 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

function check(result: IngestPricesResult, bars: number): void {
  if (result.rowsRead !== EXPECTED_ROWS || result.rowsLoaded + result.rowsRejected !== EXPECTED_ROWS)
    throw new Error(`unexpected accounting: ${JSON.stringify(result)}`);
  if (bars !== result.rowsLoaded) throw new Error(`price_bars holds ${bars}, expected ${result.rowsLoaded}`);
  if (result.batchesFailed) throw new Error(`${result.batchesFailed} batches failed`);
}
