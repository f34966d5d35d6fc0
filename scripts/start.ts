import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config, type WorkerService } from '../config';
import { createPool } from '../infra/db/pool';
import {
  demoPipelineRequest,
  demoRow,
  type DemoRow,
  existingData,
  formatDemoTable,
  startPipelineRun,
  summarizeRun,
  waitForRun,
} from '../infra/local-stack/demo';
import {
  apiBaseUrl,
  assertPortsFree,
  missingEntries,
  planNodeServices,
  startNodeService,
  type NodeService,
} from '../infra/local-stack/node-services';
import { stopAll, type ManagedProcess } from '../infra/local-stack/processes';
import { postgresOrEmbedded } from '../infra/local-stack/postgres-fallback';
import { parseReplicas } from '../infra/local-stack/replicas';
import { startSeaweed } from '../infra/local-stack/seaweed';
import { supervise, type Supervised } from '../infra/local-stack/supervisor';
import { startTemporalDevServer } from '../infra/local-stack/temporal-dev-server';
import { setupBucket, setupServices, setupTools } from './setup';

/** For a CI smoke test: start everything, load the demo, stop cleanly. */
const EXIT_AFTER_DEMO = process.env.IBY_START_EXIT_AFTER_DEMO === '1';
const say = (line: string): void => console.log(line);
const shout = (line: string): void => console.error(line);

let stopping = false;
/** In start order; a shutdown halts every restart first, then stops them newest first. */
const supervised: Supervised[] = [];

/** Stops what this script started, newest first, then exits; a second Ctrl-C skips the wait. */
async function shutdown(code: number, reason?: string): Promise<never> {
  if (stopping) {
    // The exit guard in processes.ts SIGKILLs whatever is left.
    process.exit(code || 130);
  }
  stopping = true;
  if (reason) (code ? console.error : console.log)(reason);
  for (const s of supervised) s.halt();
  for (const s of [...supervised].reverse()) {
    const proc = s.current();
    if (proc) say(`stopping ${s.name} (pid ${proc.pid}, at most ${Math.round(proc.graceMs / 1000)} s)`);
    await s.stop();
  }
  // Anything a restart had just spawned.
  await stopAll(say);
  say(code ? 'stopped after a failure' : 'stopped');
  process.exit(code);
}

/** A process that dies while we are not stopping is started again (with backoff), never a reason to stop all. */
function keep(start: () => Promise<ManagedProcess | null>) {
  return (proc: ManagedProcess | null): void => {
    if (proc) supervised.push(supervise(proc, { start, say, shout }));
  };
}

async function startStack(config: Config, replicas: Record<WorkerService, number>): Promise<NodeService[]> {
  const services = await planNodeServices(config, replicas);
  const missing = missingEntries(services);
  if (missing.length) {
    throw new Error(
      `not built yet: ${missing.join(', ')}. Run \`npm run build\` (npm start does) once those sources exist.`,
    );
  }
  await assertPortsFree(services);
  const tools = await setupTools(say);
  const startPostgres = () => postgresOrEmbedded(config, say);
  keep(startPostgres)(await startPostgres());
  await setupServices(config, say);
  const logDir = path.join(config.dataDir, 'logs');

  const startTemporal = () =>
    startTemporalDevServer({
      binary: tools.temporal,
      address: config.temporal.address,
      namespace: config.temporal.namespace,
      uiPort: config.temporal.uiPort,
      dbFile: path.join(config.dataDir, 'temporal.sqlite'),
      logDir,
    });
  const temporal = await startTemporal();
  say(
    temporal
      ? `temporal: started at ${config.temporal.address} (pid ${temporal.pid})`
      : `temporal: reusing the server at ${config.temporal.address}`,
  );
  keep(startTemporal)(temporal);

  const startS3 = () =>
    startSeaweed({ binary: tools.weed, s3: config.s3, dataDir: path.join(config.dataDir, 'seaweedfs'), logDir });
  const seaweed = await startS3();
  say(
    seaweed
      ? `seaweedfs: started S3 at ${config.s3.endpoint} (pid ${seaweed.pid})`
      : `seaweedfs: reusing the S3 endpoint at ${config.s3.endpoint}`,
  );
  keep(startS3)(seaweed);
  await setupBucket(config, say);

  for (const service of services) {
    const start = () => startNodeService(service, logDir, { shutdownGraceSeconds: config.worker.shutdownGraceSeconds });
    const proc = await start();
    say(`${service.name}: healthy at ${service.baseUrl}/health (pid ${proc.pid})`);
    keep(start)(proc);
  }
  printUrls(config, services, logDir);
  return services;
}

function printUrls(config: Config, services: NodeService[], logDir: string): void {
  const api = apiBaseUrl(config);
  const rows: [string, string][] = [
    ['Dashboard', `${api}/`],
    ['API', api],
    ['OpenAPI docs', `${api}/docs`],
    ['Temporal UI', config.temporal.uiUrl],
    ['Temporal gRPC', config.temporal.address],
    ['S3 endpoint', `${config.s3.endpoint} (bucket ${config.s3.bucket})`],
    ...services
      .filter((s) => s.worker)
      .map((s): [string, string] => [s.name, `${s.baseUrl}/health  ${s.baseUrl}/metrics`]),
    ['API metrics', `${api}/metrics`],
    ['logs', logDir],
  ];
  for (const [label, value] of rows) say(`  ${label.padEnd(14)} ${value}`);
  say('ready (a process that exits is restarted; Ctrl-C stops everything)');
}

/** Loads the bundled demo data on a first start; returns false when a demo run did not complete. */
async function loadDemoOnFirstStart(config: Config): Promise<boolean> {
  const pool = createPool(config.db.url, 1);
  const data = await existingData(pool).finally(() => pool.end());
  if (data.bars > 0) {
    say(`reusing existing data: ${data.bars} bars for ${data.symbols} symbols`);
    return true;
  }
  const api = { baseUrl: apiBaseUrl(config), apiKey: config.api.keys[0] ?? '' };
  const workflowId = await startPipelineRun(api, demoPipelineRequest());
  say(`demo: started pipeline ${workflowId}`);
  const run = await waitForRun(api, workflowId);
  const links = {
    api: `${api.baseUrl}/v1/runs/${encodeURIComponent(workflowId)}`,
    ui: `${config.temporal.uiUrl}/namespaces/${config.temporal.namespace}/workflows/${encodeURIComponent(workflowId)}`,
  };
  say(summarizeRun(run, links));
  if (run.status !== 'COMPLETED' || run.outcome !== 'succeeded') return false;
  const symbols = run.result?.changedSymbols ?? [];
  const rows: DemoRow[] = [];
  for (const symbol of symbols) {
    // A symbol the analysis could not analyse (too few bars) has no document: say so, the rest still print.
    await demoRow(api, symbol).then(
      (row) => rows.push(row),
      (err: unknown) => say(`demo: ${symbol} not shown: ${err instanceof Error ? err.message : String(err)}`),
    );
  }
  say(formatDemoTable(rows));
  return true;
}

/** `npm start -- --replicas etl=3,data=2`; the counts default to ETL_WORKER_REPLICAS and friends. */
function readOptions(config: Config): { replicas: Record<WorkerService, number> } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { replicas: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    say('usage: npm start [-- --replicas etl=N,data=N,analysis=N]');
    process.exit(0);
  }
  return { replicas: values.replicas ? parseReplicas(values.replicas, config.replicas) : config.replicas };
}

async function main(): Promise<void> {
  let config: Config;
  let replicas: Record<WorkerService, number>;
  try {
    config = loadConfig();
    ({ replicas } = readOptions(config));
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : (err as Error).message);
    process.exit(1);
  }
  process.on('SIGINT', () => void shutdown(0, 'interrupted: stopping'));
  process.on('SIGTERM', () => void shutdown(0, 'terminated: stopping'));
  try {
    await startStack(config, replicas);
    const demoOk = await loadDemoOnFirstStart(config);
    if (EXIT_AFTER_DEMO) await shutdown(demoOk ? 0 : 1, demoOk ? undefined : 'a demo run did not complete');
  } catch (err) {
    // A child that just died is the better explanation than the failed request it caused: let its exit land first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!stopping) await shutdown(1, `start failed: ${(err as Error).message}`);
  }
}

void main();
