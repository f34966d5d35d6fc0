import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config';
import { createPool } from '../infra/db/pool';
import { demoRequests, existingData, startPricesRun, summarizeRun, waitForRun } from '../infra/local-stack/demo';
import {
  assertPortsFree,
  missingEntries,
  nodeServices,
  startNodeService,
  type NodeService,
} from '../infra/local-stack/node-services';
import { describeExit, stopAll, type ManagedProcess } from '../infra/local-stack/processes';
import { startSeaweed } from '../infra/local-stack/seaweed';
import { startTemporalDevServer } from '../infra/local-stack/temporal-dev-server';
import { setupBucket, setupServices, setupTools } from './setup';

/** For a CI smoke test: start everything, load the demo, stop cleanly. */
const EXIT_AFTER_DEMO = process.env.IBY_START_EXIT_AFTER_DEMO === '1';
const say = (line: string): void => console.log(line);

let stopping = false;

/** Stops what this script started, newest first, then exits; a second Ctrl-C skips the wait. */
async function shutdown(code: number, reason?: string): Promise<never> {
  if (stopping) {
    // The exit guard in processes.ts SIGKILLs whatever is left.
    process.exit(code || 130);
  }
  stopping = true;
  if (reason) (code ? console.error : console.log)(reason);
  await stopAll(say);
  say(code ? 'stopped after a failure' : 'stopped');
  process.exit(code);
}

/** A child that dies while we are not stopping takes the stack down with it. */
function watch(proc: ManagedProcess | null): void {
  void proc?.exited.then((exit) => {
    if (!stopping)
      void shutdown(1, `${proc.name} exited unexpectedly (${describeExit(exit)}); see its log: ${proc.logFile}`);
  });
}

async function startStack(config: Config): Promise<void> {
  const services = nodeServices(config);
  const missing = missingEntries(services);
  if (missing.length) {
    throw new Error(
      `not built yet: ${missing.join(', ')}. Run \`npm run build\` (npm start does) once those sources exist.`,
    );
  }
  await assertPortsFree(services);
  const tools = await setupTools(say);
  await setupServices(config, say);
  const logDir = path.join(config.dataDir, 'logs');

  const temporal = await startTemporalDevServer({
    binary: tools.temporal,
    address: config.temporal.address,
    namespace: config.temporal.namespace,
    uiPort: config.temporal.uiPort,
    dbFile: path.join(config.dataDir, 'temporal.sqlite'),
    logDir,
  });
  say(
    temporal
      ? `temporal: started at ${config.temporal.address} (pid ${temporal.pid})`
      : `temporal: reusing the server at ${config.temporal.address}`,
  );
  watch(temporal);

  const seaweed = await startSeaweed({
    binary: tools.weed,
    s3: config.s3,
    dataDir: path.join(config.dataDir, 'seaweedfs'),
    logDir,
  });
  say(
    seaweed
      ? `seaweedfs: started S3 at ${config.s3.endpoint} (pid ${seaweed.pid})`
      : `seaweedfs: reusing the S3 endpoint at ${config.s3.endpoint}`,
  );
  watch(seaweed);
  await setupBucket(config, say);

  for (const service of services) {
    const proc = await startNodeService(service, logDir);
    say(`${service.name}: healthy at ${service.baseUrl}/health (pid ${proc.pid})`);
    watch(proc);
  }
  printUrls(config, logDir);
}

function printUrls(config: Config, logDir: string): void {
  const [etl, data, analysis, api] = ['etl-worker', 'data-worker', 'analysis-worker', 'api'].map((name) =>
    serviceNamed(config, name),
  );
  const rows: [string, string][] = [
    ['API', api.baseUrl],
    ['OpenAPI docs', `${api.baseUrl}/docs`],
    ['Temporal UI', config.temporal.uiUrl],
    ['Temporal gRPC', config.temporal.address],
    ['S3 endpoint', `${config.s3.endpoint} (bucket ${config.s3.bucket})`],
    ['ETL worker', `${etl.baseUrl}/health  ${etl.baseUrl}/metrics`],
    ['data worker', `${data.baseUrl}/health  ${data.baseUrl}/metrics`],
    ['analysis worker', `${analysis.baseUrl}/health  ${analysis.baseUrl}/metrics`],
    ['API metrics', `${api.baseUrl}/metrics`],
    ['logs', logDir],
  ];
  for (const [label, value] of rows) say(`  ${label.padEnd(14)} ${value}`);
  say('ready');
}

function serviceNamed(config: Config, name: string): NodeService {
  const found = nodeServices(config).find((service) => service.name === name);
  if (!found) throw new Error(`no service named ${name}`);
  return found;
}

/** Loads the bundled demo data on a first start; returns false when a demo run did not complete. */
async function loadDemoOnFirstStart(config: Config): Promise<boolean> {
  const pool = createPool(config.db.url, 1);
  const data = await existingData(pool).finally(() => pool.end());
  if (data.bars > 0) {
    say(`reusing existing data: ${data.bars} bars for ${data.symbols} symbols`);
    return true;
  }
  const api = { baseUrl: serviceNamed(config, 'api').baseUrl, apiKey: config.api.keys[0] ?? '' };
  let allCompleted = true;
  for (const body of demoRequests()) {
    const workflowId = await startPricesRun(api, body);
    say(`demo: started ${workflowId}`);
    const run = await waitForRun(api, workflowId);
    allCompleted &&= run.status === 'COMPLETED';
    const links = {
      api: `${api.baseUrl}/v1/runs/${encodeURIComponent(workflowId)}`,
      ui: `${config.temporal.uiUrl}/namespaces/${config.temporal.namespace}/workflows/${encodeURIComponent(workflowId)}`,
    };
    say(summarizeRun(body, run, links));
  }
  return allCompleted;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : String(err));
    process.exit(1);
  }
  process.on('SIGINT', () => void shutdown(0, 'interrupted: stopping'));
  process.on('SIGTERM', () => void shutdown(0, 'terminated: stopping'));
  try {
    await startStack(config);
    const demoOk = await loadDemoOnFirstStart(config);
    if (EXIT_AFTER_DEMO) await shutdown(demoOk ? 0 : 1, demoOk ? undefined : 'a demo run did not complete');
  } catch (err) {
    // A child that just died is the better explanation than the failed request it caused: let its exit land first.
    await new Promise((resolve) => setTimeout(resolve, 300));
    if (!stopping) await shutdown(1, `start failed: ${(err as Error).message}`);
  }
}

void main();
