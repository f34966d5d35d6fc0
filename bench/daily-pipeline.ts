/**
 * Benchmarks (a) and (b) of the daily pipeline, on the real processes (etl, data, analysis workers, API):
 * (a) all_stocks_5yr.csv and the S&P 500 index as ^GSPC (one folder, so one price request) through
 *     `POST /v1/runs/pipeline` with analysis against ^GSPC — wall time, peak RSS of each worker, and the ratio to
 *     the same price and analysis code in this process. Targets: ≤ 60 s, ≤ 512 MB each, ratio ≤ 1.5.
 * (b) then one new bar for every symbol (the next trading day, from each symbol's last close) and the analysis of
 *     all of them, through the pipeline, with charts and tearsheets rendered on first request (`artifacts:
 *     "on-demand"`). Target: ≤ 10 s. Then the cost of that first request, and of the next.
 * The stack runs two analysis worker replicas, one per core: analysis is CPU-bound and a Node process uses one.
 * Where the API has no pipeline route yet, each is a prices run followed by an analysis run, and the result says so.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Pool } from 'pg';
import type { IngestPricesRequest } from '../contracts';
import type { AnalyzeResult } from '../workflows/analyze';
import type { DailyPipelineResult } from '../workflows/daily-pipeline-types';
import { createCache } from '../infra/cache';
import { createPool } from '../infra/db/pool';
import { createRedis } from '../infra/redis';
import { createObjectStore, ensureBucket } from '../infra/s3';
import { SHARED_DATA } from '../test/support/shared-data';
import { BENCH_REDIS_URL, EXPECTED_BARS, GSPC, STOCKS } from './analysis';
import { BENCH_API_KEY, loadAverage, runThroughApi } from './api-runs';
import { analyseInProcess } from './in-process-analysis';
import { loadPricesInProcess } from './in-process-prices';
import { peakRssMb, startIsolatedStack } from './isolated-stack';
import { writeNextDayCsv } from './next-day';
import { benchDatabase, timed, writeResult } from './support';

const TARGETS = { fullWallSeconds: 60, ratio: 1.5, workerRssMb: 512, dailyWallSeconds: 10 };
const ANALYSIS = { benchmark: '^GSPC' };
const ANALYSIS_REPLICAS = 2;
const WORKERS = ['etl-worker', 'data-worker', 'analysis-worker', 'analysis-worker-2'] as const;

export async function run() {
  const importRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-bench-daily-'));
  // One folder holding both files: `^GSPC_2013-….csv` names its symbol, so a single price request loads both.
  const full = path.join(importRoot, 'full');
  fs.mkdirSync(full);
  fs.copyFileSync(STOCKS, path.join(full, path.basename(STOCKS)));
  fs.copyFileSync(GSPC, path.join(full, `^${path.basename(GSPC)}`));
  const stack = await startIsolatedStack({
    IMPORT_ROOTS: `${SHARED_DATA},${importRoot}`,
    API_KEYS: BENCH_API_KEY,
    REDIS_URL: BENCH_REDIS_URL,
    ANALYSIS_WORKER_REPLICAS: String(ANALYSIS_REPLICAS),
  });
  const db = createPool(stack.config.db.url, 2);
  try {
    const api = `http://127.0.0.1:${stack.config.api.port}`;
    const through = await pipelineRoute(api);
    const whole = await timed(() => daily(api, through, { source: 'csv', path: full }));
    const loadWhole = loadAverage();
    const wholeStages = await stageSeconds(api, whole.value);
    const bars = await count(db, 'SELECT count(*)::int AS n FROM price_bars');
    const analysed = await count(db, 'SELECT count(DISTINCT symbol)::int AS n FROM analysis_results');
    console.log(
      `(a) whole pipeline (${through}, ${ANALYSIS_REPLICAS} analysis replicas): ${whole.seconds.toFixed(1)} s wall (target <= ${TARGETS.fullWallSeconds}; load ${loadWhole}); ` +
        `${bars} bars in price_bars, ${analysed} symbols with an analysis; seconds by stage ${JSON.stringify(wholeStages)}`,
    );

    const next = await writeNextDayCsv(db, path.join(importRoot, 'daily'));
    const day = await timed(() =>
      daily(api, through, { source: 'csv', path: next.file }, { ...ANALYSIS, artifacts: 'on-demand' }),
    );
    const loadDay = loadAverage();
    const dayStages = await stageSeconds(api, day.value);
    const analysedOnDay = await count(
      db,
      `SELECT count(DISTINCT symbol)::int AS n FROM analysis_results WHERE as_of = '${next.date}'`,
    );
    console.log(
      `(b) daily run (${through}): ${next.rows} new bars on ${next.date}, ${analysedOnDay} symbols analysed as of it, ` +
        `${day.seconds.toFixed(1)} s wall (target <= ${TARGETS.dailyWallSeconds}; load ${loadDay}); ` +
        `seconds by stage ${JSON.stringify(dayStages)}`,
    );
    if (analysedOnDay < next.rows - 1) throw new Error(`only ${analysedOnDay} of ${next.rows} symbols analysed`);
    const firstView = await timed(() => fetchOk(`${api}/v1/securities/AAPL/report`));
    const nextView = await timed(() => fetchOk(`${api}/v1/securities/AAPL/report`));
    if (!firstView.value.includes(next.date) || firstView.value !== nextView.value) {
      throw new Error(`AAPL's tearsheet after the daily run is not the one as of ${next.date}`);
    }
    console.log(
      `    AAPL's tearsheet as of ${next.date}: first request (renders five charts and the page) ` +
        `${(firstView.seconds * 1000).toFixed(0)} ms, the next (stored) ${(nextView.seconds * 1000).toFixed(0)} ms`,
    );

    const rss = Object.fromEntries(
      [...WORKERS, 'api' as const].map((name) => [name, peakRssMb(stack.services[name].pid)]),
    ) as Record<(typeof WORKERS)[number] | 'api', number>;
    for (const name of [...WORKERS, 'api'] as const) await stack.services[name].stop();

    const inProcess = await timed(() =>
      inProcessPipeline(stack.config.s3, stack.config.redis.url, { source: 'csv', path: full }),
    );
    const loadInProcess = loadAverage();
    const ratio = whole.seconds / inProcess.seconds;
    const rssOk = WORKERS.every((name) => rss[name] <= TARGETS.workerRssMb);
    console.log(
      `(a) in-process: ${inProcess.seconds.toFixed(1)} s (load ${loadInProcess}), ratio ${ratio.toFixed(2)} (target <= ${TARGETS.ratio}); ` +
        `peak RSS ${WORKERS.map((n) => `${n} ${rss[n].toFixed(0)} MB`).join(', ')} (target <= ${TARGETS.workerRssMb}), api ${rss.api.toFixed(0)} MB`,
    );
    console.log(
      `  in-process seconds by port (summed over 4 concurrent batches): ${JSON.stringify(inProcess.value.phases)}`,
    );
    const summary = {
      through,
      rendering: '(a) 5 charts and a tearsheet per symbol to S3, in the pipeline and in-process; (b) on first request',
      analysisReplicas: ANALYSIS_REPLICAS,
      full: {
        wallSeconds: whole.seconds,
        stageSeconds: wholeStages,
        barsInDatabase: bars,
        symbolsAnalysed: analysed,
        inProcessSeconds: inProcess.seconds,
        inProcessAnalysed: inProcess.value.symbolsAnalysed,
        inProcessAnalysisPhaseSeconds: inProcess.value.phases,
        ratio,
        loadAverage: { temporal: loadWhole, inProcess: loadInProcess },
      },
      daily: {
        artifacts: 'on-demand',
        firstViewMs: firstView.seconds * 1000,
        nextViewMs: nextView.seconds * 1000,
        date: next.date,
        newBars: next.rows,
        symbolsAnalysed: analysedOnDay,
        wallSeconds: day.seconds,
        stageSeconds: dayStages,
        loadAverage: loadDay,
      },
      peakRssMb: rss,
      targets: TARGETS,
      pass:
        whole.seconds <= TARGETS.fullWallSeconds &&
        ratio <= TARGETS.ratio &&
        rssOk &&
        day.seconds <= TARGETS.dailyWallSeconds,
    };
    writeResult('daily-pipeline', summary);
    return { name: 'daily-pipeline', ...summary };
  } finally {
    await db.end();
    await stack.stop();
    fs.rmSync(importRoot, { recursive: true, force: true });
  }
}

type Through = 'pipeline' | 'prices+analysis runs';

/** The pipeline route when the API has it: an empty body is a 400 there (a 404 or 405 where it does not exist). */
async function pipelineRoute(api: string): Promise<Through> {
  const res = await fetch(`${api}/v1/runs/pipeline`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': BENCH_API_KEY },
    body: '{}',
  });
  return res.status === 400 ? 'pipeline' : 'prices+analysis runs';
}

/** Seconds each stage's child runs took (start to close, as Temporal recorded them), for the pipeline route. */
async function stageSeconds(api: string, result: unknown): Promise<Record<string, number>> {
  const stages = (result as Partial<DailyPipelineResult>).stages ?? [];
  const seconds: Record<string, number> = {};
  for (const stage of stages) {
    for (const child of stage.children) {
      const res = await fetch(`${api}/v1/runs/${encodeURIComponent(child.workflowId)}`);
      const run = (await res.json()) as { startTime?: string; closeTime?: string };
      if (!run.startTime || !run.closeTime) continue;
      const took = (Date.parse(run.closeTime) - Date.parse(run.startTime)) / 1000;
      seconds[stage.name] = Number(((seconds[stage.name] ?? 0) + took).toFixed(1));
    }
  }
  return seconds;
}

/** One day's work: prices, then the analysis against ^GSPC. */
async function daily(
  api: string,
  through: Through,
  prices: IngestPricesRequest,
  analysisRequest: object = ANALYSIS,
): Promise<unknown> {
  if (through === 'pipeline') {
    return (await runThroughApi<unknown>(api, '/v1/runs/pipeline', { prices, analysis: analysisRequest })).result;
  }
  const loaded = await runThroughApi<unknown>(api, '/v1/runs/prices', prices);
  const analysis = await runThroughApi<AnalyzeResult>(api, '/v1/runs/analysis', analysisRequest);
  return { prices: loaded.result, analysis: analysis.result };
}

/** The same price and analysis code in this process, into a database and bucket of its own. */
async function inProcessPipeline(
  s3Config: Parameters<typeof createObjectStore>[0],
  redisUrl: string,
  request: IngestPricesRequest,
) {
  const s3 = createObjectStore({ ...s3Config, bucket: `iby-bench-inproc-${randomBytes(3).toString('hex')}` });
  await ensureBucket(s3, s3Config.region);
  const bench = await benchDatabase();
  const redis = createRedis(redisUrl);
  try {
    const inserted = await loadPricesInProcess(s3, bench.pool, request);
    if (inserted > EXPECTED_BARS) throw new Error(`in-process load inserted ${inserted} bars`);
    return await analyseInProcess({ db: bench.pool, cache: createCache(redis), s3 }, ANALYSIS);
  } finally {
    redis.disconnect();
    await bench.drop();
  }
}

async function fetchOk(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return res.text();
}

async function count(db: Pool, sql: string): Promise<number> {
  return (await db.query<{ n: number }>(sql)).rows[0].n;
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
