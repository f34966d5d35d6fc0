/**
 * Benchmark (c): analysis alone. all_stocks_5yr.csv and the S&P 500 index (as ^GSPC) are loaded through the price
 * ETL on the real processes, then `POST /v1/runs/analysis` against ^GSPC is timed to completion; the figure is its
 * bars/s over the bars/s of the same application code (plan, batches, `analyzeSymbols`) in this process over the
 * same bars read from Postgres, with the worker processes stopped. Peak RSS of the analysis worker is reported.
 */
import type { AnalyzeResult } from '../workflows/analyze';
import type { IngestPricesResult } from '../contracts';
import { createCache } from '../infra/cache';
import { createPool } from '../infra/db/pool';
import { createRedis } from '../infra/redis';
import { createObjectStore } from '../infra/s3';
import { SHARED_DATA, sharedData } from '../test/support/shared-data';
import { runThroughApi, BENCH_API_KEY, loadAverage } from './api-runs';
import { analyseInProcess } from './in-process-analysis';
import { peakRssMb, startIsolatedStack } from './isolated-stack';
import { fmt, timed, writeResult } from './support';

export const STOCKS = sharedData('ohlcv', 'all_stocks_5yr.csv');
export const GSPC = sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv');
export const EXPECTED_BARS = 619_040 + 1_259;
/** A Redis database of its own, so another bench's cache keys never meet this one's. */
export const BENCH_REDIS_URL = 'redis://127.0.0.1:6379/13';
const TARGETS = { ratio: 1.5, workerRssMb: 512 };

export async function run() {
  const stack = await startIsolatedStack({
    IMPORT_ROOTS: SHARED_DATA,
    API_KEYS: BENCH_API_KEY,
    REDIS_URL: BENCH_REDIS_URL,
  });
  try {
    const api = `http://127.0.0.1:${stack.config.api.port}`;
    const loads = await timed(() =>
      Promise.all([
        runThroughApi<IngestPricesResult>(api, '/v1/runs/prices', { source: 'csv', path: STOCKS }),
        runThroughApi<IngestPricesResult>(api, '/v1/runs/prices', { source: 'csv', path: GSPC, symbol: '^GSPC' }),
      ]),
    );
    const loaded = checkLoads(loads.value.map((r) => r.result));
    const loadAvgBefore = loadAverage();
    const viaTemporal = await timed(() =>
      runThroughApi<AnalyzeResult>(api, '/v1/runs/analysis', { benchmark: '^GSPC' }),
    );
    const loadAvgTemporal = loadAverage();
    const temporal = viaTemporal.value.result;
    if (temporal.batchesFailed) throw new Error(`analysis: ${temporal.batchesFailed} batches failed`);
    const analysisWorkerMb = peakRssMb(stack.services['analysis-worker'].pid);
    for (const name of ['analysis-worker', 'etl-worker', 'data-worker', 'api'] as const)
      await stack.services[name].stop();

    const db = createPool(stack.config.db.url, 4);
    const redis = createRedis(stack.config.redis.url);
    try {
      const inProcess = await timed(() =>
        analyseInProcess(
          { db, cache: createCache(redis), s3: createObjectStore(stack.config.s3) },
          { benchmark: '^GSPC' },
        ),
      );
      const loadAvgInProcess = loadAverage();
      if (inProcess.value.symbolsAnalysed !== temporal.symbolsAnalysed)
        throw new Error(`in-process analysed ${inProcess.value.symbolsAnalysed}, Temporal ${temporal.symbolsAnalysed}`);
      const temporalBarsPerSecond = temporal.barsRead / viaTemporal.seconds;
      const inProcessBarsPerSecond = inProcess.value.barsRead / inProcess.seconds;
      const ratio = temporalBarsPerSecond / inProcessBarsPerSecond;
      console.log(
        `analysis: ${temporal.symbolsAnalysed} symbols (${temporal.symbolsFailed} not analysable), ${fmt(temporal.barsRead)} bars ` +
          `in ${viaTemporal.seconds.toFixed(1)} s through Temporal = ${fmt(temporalBarsPerSecond)} bars/s (load ${loadAvgTemporal}); ` +
          `in-process ${inProcess.seconds.toFixed(1)} s = ${fmt(inProcessBarsPerSecond)} bars/s (load ${loadAvgInProcess}); ` +
          `throughput ratio ${ratio.toFixed(2)} (slowdown ${(1 / ratio).toFixed(2)}x, target <= ${TARGETS.ratio}); ` +
          `analysis worker peak RSS ${analysisWorkerMb.toFixed(0)} MB (target <= ${TARGETS.workerRssMb})`,
      );
      console.log(
        `  in-process seconds by port (summed over 4 concurrent batches): ${JSON.stringify(inProcess.value.phases)}`,
      );
      const summary = {
        barsLoaded: loaded,
        loadSeconds: loads.seconds,
        symbolsAnalysed: temporal.symbolsAnalysed,
        symbolsFailed: temporal.symbolsFailed,
        barsRead: temporal.barsRead,
        temporalSeconds: viaTemporal.seconds,
        temporalBarsPerSecond,
        inProcessSeconds: inProcess.seconds,
        inProcessBarsPerSecond,
        inProcessPhaseSeconds: inProcess.value.phases,
        throughputRatio: ratio,
        slowdown: 1 / ratio,
        analysisWorkerPeakRssMb: analysisWorkerMb,
        rendering: 'charts (5) and tearsheet per symbol to S3, on both sides',
        loadAverage: { before: loadAvgBefore, temporal: loadAvgTemporal, inProcess: loadAvgInProcess },
        targets: TARGETS,
        pass: 1 / ratio <= TARGETS.ratio && analysisWorkerMb <= TARGETS.workerRssMb,
      };
      writeResult('analysis', summary);
      return { name: 'analysis', ...summary };
    } finally {
      redis.disconnect();
      await db.end();
    }
  } finally {
    await stack.stop();
  }
}

/** Every row of both files read, each loaded or rejected by reason; the number of bars loaded. */
export function checkLoads(results: IngestPricesResult[]): number {
  const read = results.reduce((n, r) => n + r.rowsRead, 0);
  const loaded = results.reduce((n, r) => n + r.rowsLoaded, 0);
  const rejected = results.reduce((n, r) => n + r.rowsRejected, 0);
  if (read !== EXPECTED_BARS || loaded + rejected !== read)
    throw new Error(`read ${read} rows (expected ${EXPECTED_BARS}), loaded ${loaded}, rejected ${rejected}`);
  return loaded;
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
