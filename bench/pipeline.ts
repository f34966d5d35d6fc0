/**
 * Benchmark 2: the whole of all_stocks_5yr.csv (619,040 rows, 505 symbols) through `POST /v1/runs/prices` to
 * completion on the real processes — wall time, rows/s, peak RSS of each worker — and the ratio to the same
 * plan/transform/load code, and the check for suspected corporate actions that ends every price run, called in one
 * process without Temporal, with the same batch size and concurrency.
 * Targets: ≤ 20 s wall, ratio ≤ 1.5, each worker ≤ 512 MB.
 */
import { randomBytes } from 'node:crypto';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_CONCURRENT_BATCHES,
  type IngestPricesRequest,
  type IngestPricesResult,
  type PlannedBatch,
} from '../contracts';
import { transformPriceBatch } from '../activities/etl/transform-price-batch';
import { detectSuspectedActions } from '../application/corporate-actions';
import { createPool } from '../infra/db/pool';
import { putContentAddressed } from '../infra/objects/content-addressed';
import { loadStagedPrices } from '../infra/repositories/price-load';
import { createObjectStore, ensureBucket, type ObjectStore } from '../infra/s3';
import { createCsvSource } from '../sources/csv';
import type { SourceContext } from '../sources';
import { SHARED_DATA, sharedData } from '../test/support/shared-data';
import { peakRssMb, startIsolatedStack } from './isolated-stack';
import { benchDatabase, fmt, timed, writeResult } from './support';

const FILE = sharedData('ohlcv', 'all_stocks_5yr.csv');
const EXPECTED_ROWS = 619_040;
const API_KEY = 'bench-key';
const TARGETS = { wallSeconds: 20, ratio: 1.5, workerRssMb: 512 };

export async function run() {
  const request: IngestPricesRequest = { source: 'csv', path: FILE };
  const stack = await startIsolatedStack({
    IMPORT_ROOTS: SHARED_DATA,
    API_KEYS: API_KEY,
    REDIS_URL: 'redis://127.0.0.1:6379/10',
  });
  try {
    const api = `http://127.0.0.1:${stack.config.api.port}`;
    const viaTemporal = await timed(() => runThroughApi(api, request));
    const result = viaTemporal.value;
    if (result.rowsRead !== EXPECTED_ROWS || result.rowsLoaded + result.rowsRejected !== EXPECTED_ROWS) {
      throw new Error(`unexpected accounting: ${JSON.stringify(result)}`);
    }
    const barsInDatabase = await countBars(stack.config.db.url);
    if (barsInDatabase !== result.rowsLoaded)
      throw new Error(`price_bars holds ${barsInDatabase}, expected ${result.rowsLoaded}`);
    // The same request again: a new run of the same workflow id that must change nothing.
    const rerun = await timed(() => runThroughApi(api, request));
    if (
      rerun.value.rowsInserted !== 0 ||
      rerun.value.rowsUpdated !== 0 ||
      (await countBars(stack.config.db.url)) !== barsInDatabase
    ) {
      throw new Error(`the same request again changed data: ${JSON.stringify(rerun.value)}`);
    }
    const rss = {
      etlWorkerMb: peakRssMb(stack.services['etl-worker'].pid),
      dataWorkerMb: peakRssMb(stack.services['data-worker'].pid),
      apiMb: peakRssMb(stack.services.api.pid),
    };
    await stack.services['etl-worker'].stop();
    await stack.services['data-worker'].stop();
    await stack.services.api.stop();

    const inProcess = await timed(() => runInProcess(stack.config.s3, request));
    const ratio = viaTemporal.seconds / inProcess.seconds;
    const rowsPerSecond = EXPECTED_ROWS / viaTemporal.seconds;
    console.log(
      `pipeline: ${viaTemporal.seconds.toFixed(1)} s wall (target <= ${TARGETS.wallSeconds}), ${fmt(rowsPerSecond)} rows/s, ` +
        `in-process ${inProcess.seconds.toFixed(1)} s, ratio ${ratio.toFixed(2)} (target <= ${TARGETS.ratio}); ` +
        `peak RSS etl ${rss.etlWorkerMb.toFixed(0)} MB, data ${rss.dataWorkerMb.toFixed(0)} MB (target <= ${TARGETS.workerRssMb}), api ${rss.apiMb.toFixed(0)} MB`,
    );
    console.log(
      `  price_bars holds ${fmt(barsInDatabase)} = rowsLoaded; ${result.rowsRejected} rejected; ` +
        `the same request again: ${rerun.seconds.toFixed(1)} s, 0 inserted, 0 updated`,
    );
    const summary = {
      rows: EXPECTED_ROWS,
      rowsLoaded: result.rowsLoaded,
      rowsRejected: result.rowsRejected,
      batches: result.batches,
      barsInDatabase,
      rerunSeconds: rerun.seconds,
      wallSeconds: viaTemporal.seconds,
      rowsPerSecond,
      inProcessSeconds: inProcess.seconds,
      ratio,
      peakRss: rss,
      targets: TARGETS,
      pass:
        viaTemporal.seconds <= TARGETS.wallSeconds &&
        ratio <= TARGETS.ratio &&
        rss.etlWorkerMb <= TARGETS.workerRssMb &&
        rss.dataWorkerMb <= TARGETS.workerRssMb,
    };
    writeResult('pipeline', summary);
    return { name: 'pipeline', ...summary };
  } finally {
    await stack.stop();
  }
}

async function countBars(url: string): Promise<number> {
  const pool = createPool(url, 1);
  try {
    return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM price_bars')).rows[0].n;
  } finally {
    await pool.end();
  }
}

async function runThroughApi(api: string, request: IngestPricesRequest): Promise<IngestPricesResult> {
  const started = await fetch(`${api}/v1/runs/prices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify(request),
  });
  if (started.status !== 202)
    throw new Error(`POST /v1/runs/prices answered ${started.status}: ${await started.text()}`);
  const { workflowId } = (await started.json()) as { workflowId: string };
  for (;;) {
    const res = await fetch(`${api}/v1/runs/${encodeURIComponent(workflowId)}`);
    const body = (await res.json()) as { status: string; result?: IngestPricesResult; error?: unknown };
    if (body.status === 'COMPLETED' && body.result) return body.result;
    if (body.status !== 'RUNNING') throw new Error(`run ended ${body.status}: ${JSON.stringify(body.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The ledger names the in-process run's batches under these ids. */
const IN_PROCESS_RUN = { workflowId: 'in-process', runId: 'in-process' };

/** The same plan → transform → load code, in this process, batches in a window of the same size. */
async function runInProcess(s3Config: Parameters<typeof createObjectStore>[0], request: IngestPricesRequest) {
  const s3 = createObjectStore({ ...s3Config, bucket: `iby-bench-inproc-${randomBytes(3).toString('hex')}` });
  await ensureBucket(s3, s3Config.region);
  const db = await benchDatabase();
  try {
    const ctx: SourceContext = {
      archiveRaw: (source, runDate, body, ext) => putContentAddressed(s3, `raw/${source}/prices/${runDate}`, ext, body),
      heartbeat: () => undefined,
      signal: new AbortController().signal,
      fetch,
    };
    const runDate = new Date().toISOString().slice(0, 10);
    const batches = await createCsvSource().plan({ request, batchSize: DEFAULT_BATCH_SIZE, runDate }, ctx);
    let loaded = 0;
    await inWindow(batches, DEFAULT_CONCURRENT_BATCHES, async (batch) => {
      loaded += await transformAndLoad(s3, db.pool, request, batch);
    });
    // The run's last step, as the workflow takes it: over the symbols its batches loaded (found by its ledger rows).
    await detectSuspectedActions({ db: db.pool, progress: () => undefined }, IN_PROCESS_RUN);
    return loaded;
  } finally {
    await db.drop();
  }
}

export async function transformAndLoad(
  s3: ObjectStore,
  pool: Parameters<typeof loadStagedPrices>[0],
  request: IngestPricesRequest,
  batch: PlannedBatch,
): Promise<number> {
  const parts = batch.parts ?? [];
  const t = await transformPriceBatch(s3, { request, parentWorkflowId: 'in-process', batchKey: batch.batchKey, parts });
  const staged = await s3.client.getObject(s3.bucket, t.staged.key);
  const counts = await loadStagedPrices(pool, staged, {
    ...IN_PROCESS_RUN,
    batchKey: batch.batchKey,
    source: request.source,
    symbols: t.symbols,
    rawObjects: parts,
    stagedKey: t.staged.key,
    stagedSha256: t.staged.sha256,
    rejectedKey: t.rejected?.key ?? null,
    rowsRead: t.counts.rowsRead,
    rowsLoaded: t.counts.rowsLoaded,
    rowsRejected: t.counts.rowsRejected,
    rowsFiltered: t.counts.rowsFiltered,
  });
  return counts.rowsInserted;
}

export async function inWindow<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(size, items.length) }, async () => {
    while (next < items.length) await work(items[next++]);
  });
  await Promise.all(lanes);
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
