/**
 * The analysis run's application code without Temporal: the same plan, the same batches and window, the same
 * `analyzeSymbols` use case (document builder, stored fundamentals, the worker's chart and tearsheet renderer, store,
 * cache warm), over bars read straight from Postgres.
 */
import type { Pool } from 'pg';
import {
  analyzeSymbols,
  fundamentalsFrom,
  normalizeAnalysisRequest,
  planAnalysis,
  warmLatestAnalysis,
  type AnalysisRequestInput,
} from '../application/analysis';
import { batchRenderer } from '../activities/analysis/render';
import { fundamentalsReportAsOf } from '../application/fundamentals/stored-fundamentals';
import { DEFAULT_CONCURRENT_BATCHES } from '../contracts';
import type { JsonCache } from '../infra/cache';
import type { ObjectStore } from '../infra/s3';
import { readAnalysisBars, symbolHasBars, symbolsWithDailyBars } from '../infra/repositories/analysis-bars';
import { upsertAnalysisResult, type AnalysisResultRow } from '../infra/repositories/analysis-results';
import { inWindow } from './pipeline';

export interface InProcessAnalysisDeps {
  db: Pool;
  cache: JsonCache;
  /** Charts and tearsheets are rendered to it as the analysis worker renders them; without it, none. */
  s3?: ObjectStore;
}

export async function analyseInProcess(deps: InProcessAnalysisDeps, body: AnalysisRequestInput) {
  const request = normalizeAnalysisRequest(body);
  const batches = await planAnalysis(
    { symbolsWithDailyBars: () => symbolsWithDailyBars(deps.db), hasBars: (s) => symbolHasBars(deps.db, s) },
    request,
  );
  const fundamentals = fundamentalsFrom((s, d, p) => fundamentalsReportAsOf(deps.db, s, d, p));
  const totals = { symbolsAnalysed: 0, symbolsFailed: 0, barsRead: 0 };
  // Seconds spent in each port of the use case (summed over the concurrent batches); the rest is the document build.
  const phases = { readBars: 0, render: 0, store: 0, warm: 0 };
  const clock =
    <A extends unknown[], R>(phase: keyof typeof phases, f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const start = performance.now();
      try {
        return await f(...args);
      } finally {
        phases[phase] += (performance.now() - start) / 1000;
      }
    };
  await inWindow(batches, DEFAULT_CONCURRENT_BATCHES, async (batch) => {
    const result = await analyzeSymbols(
      {
        readBars: clock('readBars', (symbol: string, to?: string) => readAnalysisBars(deps.db, symbol, to)),
        fundamentals,
        renderArtifacts: clock('render', batchRenderer({ db: deps.db, s3: deps.s3 }, batch.batchKey).render),
        store: clock('store', (row: AnalysisResultRow) => upsertAnalysisResult(deps.db, row)),
        warm: clock('warm', (symbol: string, stored: AnalysisResultRow) => warmLatestAnalysis(deps, symbol, stored)),
      },
      {
        symbols: batch.symbols,
        benchmark: batch.benchmark,
        analysisWorkflowId: 'in-process',
        analysisRunId: 'in-process',
        batchKey: batch.batchKey,
      },
    );
    totals.symbolsAnalysed += result.analysed.length;
    totals.symbolsFailed += result.failures.length;
    totals.barsRead += result.barsRead;
  });
  return { ...totals, phases };
}
