/**
 * Benchmark: the API's cached reads against a bare Fastify route sending the same body, both measured in this run
 * with 50 connections. The real stack (`npm start`'s processes, logging at info to its files) loads
 * all_stocks_5yr.csv and ^GSPC and analyses AAPL; then each read is requested once (filling its cache) and hammered
 * with autocannon, and so is a bare server (bench/bare-server.ts) holding the bytes the API answered.
 * Targets: requests/s ≥ 0.5 of bare and p99 ≤ 10 ms, for each read.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { IngestPricesResult } from '../contracts';
import type { AnalyzeResult } from '../workflows/analyze';
import { findFreePorts } from '../infra/local-stack/free-port';
import { SHARED_DATA } from '../test/support/shared-data';
import { GSPC, STOCKS } from './analysis';
import { BENCH_API_KEY, loadAverage, runThroughApi } from './api-runs';
import { startIsolatedStack } from './isolated-stack';
import { fmt, writeResult } from './support';

const CONNECTIONS = 50;
const SECONDS = 5;
const ROUNDS = 3;
const TARGETS = { ratio: 0.5, p99Ms: 10 };

const READS = [
  // The range; the bench's ^GSPC ends in 2018, so this is the per-request cost of a near-empty body.
  { name: 'price range, 2020 Q1 (empty)', path: '/v1/securities/%5EGSPC/prices?from=2020-01-01&to=2020-03-31' },
  { name: 'price range, 2017 Q1', path: '/v1/securities/%5EGSPC/prices?from=2017-01-01&to=2017-03-31' },
  { name: 'securities list', path: '/v1/securities' },
  { name: 'analysis document', path: '/v1/securities/AAPL/analysis' },
];

interface Measured {
  requestsPerSecond: number;
  p99Ms: number;
  non2xx: number;
}

export async function run() {
  const stack = await startIsolatedStack({
    IMPORT_ROOTS: SHARED_DATA,
    API_KEYS: BENCH_API_KEY,
    REDIS_URL: 'redis://127.0.0.1:6379/12',
    // Production logging (info, one file per service) and a limit no benchmark client reaches; the limiter still
    // counts every request in Redis, as in production.
    LOG_LEVEL: 'info',
    API_RATE_LIMIT_PER_MINUTE: '100000000',
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-bench-reads-'));
  try {
    const api = `http://127.0.0.1:${stack.config.api.port}`;
    await Promise.all([
      runThroughApi<IngestPricesResult>(api, '/v1/runs/prices', { source: 'csv', path: STOCKS }),
      runThroughApi<IngestPricesResult>(api, '/v1/runs/prices', { source: 'csv', path: GSPC, symbol: '^GSPC' }),
    ]);
    await runThroughApi<AnalyzeResult>(api, '/v1/runs/analysis', {
      symbols: ['AAPL'],
      benchmark: '^GSPC',
      artifacts: 'on-demand',
    });
    const reads = [];
    for (const read of READS) reads.push(await measureRead(api, read, dir));
    const pass = reads.every((r) => r.pass);
    const result = { pass, connections: CONNECTIONS, secondsPerRound: SECONDS, loadAverage: loadAverage(), reads };
    writeResult('api-reads', result);
    return { name: 'api-reads', ...result };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await stack.stop();
  }
}

async function measureRead(api: string, read: (typeof READS)[number], dir: string) {
  const url = `${api}${read.path}`;
  const first = await fetch(url);
  if (first.status !== 200) throw new Error(`GET ${read.path} answered ${first.status}: ${await first.text()}`);
  const body = Buffer.from(await first.arrayBuffer());
  const file = path.join(dir, 'body.json');
  fs.writeFileSync(file, body);
  const [port] = await findFreePorts(1);
  const bare = await startBareServer(port, file);
  try {
    let bestApi: Measured | undefined;
    let bestBare: Measured | undefined;
    // Alternating rounds, best of each: a burst of other work on the shared machine hits both alike.
    for (let round = 0; round < ROUNDS; round++) {
      bestBare = best(bestBare, await hammer(`http://127.0.0.1:${port}/body`));
      bestApi = best(bestApi, await hammer(url));
    }
    const apiRun = bestApi!;
    const bareRun = bestBare!;
    if (apiRun.non2xx || bareRun.non2xx) throw new Error(`${read.name}: ${apiRun.non2xx} non-2xx answers`);
    const ratio = apiRun.requestsPerSecond / bareRun.requestsPerSecond;
    const pass = ratio >= TARGETS.ratio && apiRun.p99Ms <= TARGETS.p99Ms;
    console.log(
      `  ${read.name} (${fmt(body.length / 1024, 1)} KB): api ${fmt(apiRun.requestsPerSecond)} req/s p99 ` +
        `${apiRun.p99Ms} ms, bare ${fmt(bareRun.requestsPerSecond)} req/s p99 ${bareRun.p99Ms} ms, ratio ` +
        `${ratio.toFixed(2)} (target >= ${TARGETS.ratio}, p99 <= ${TARGETS.p99Ms} ms)`,
    );
    return { name: read.name, path: read.path, bytes: body.length, api: apiRun, bare: bareRun, ratio, pass };
  } finally {
    bare.kill('SIGKILL');
  }
}

const best = (a: Measured | undefined, b: Measured): Measured =>
  !a || b.requestsPerSecond > a.requestsPerSecond ? b : a;

async function hammer(url: string): Promise<Measured> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

function startBareServer(port: number, file: string): Promise<ChildProcess> {
  const child = fork(path.join(__dirname, 'bare-server.js'), [String(port), file], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}
