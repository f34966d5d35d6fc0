import type { Pool } from 'pg';
import { ApplicationFailure } from '@temporalio/common';
import {
  FAILURE_TYPES,
  type AnalyzeRequest,
  type AnalyzeSymbolsInput,
  type AnalyzeSymbolsResult,
  type PlannedAnalysisBatch,
} from '../../contracts';
import {
  fundamentalsFrom,
  planAnalysis,
  readBarsCached,
  UnknownBenchmarkError,
  warmLatestAnalysis,
  type FundamentalsSource,
  type RenderArtifacts,
} from '../../application/analysis';
import { fundamentalsReportAsOf } from '../../application/fundamentals';
import { macroSeriesAsOf } from '../../application/macro';
import { readMacroSeries } from '../../infra/repositories/macro-read';
import type { RenderTiming } from '../../application/report';
import { invalidateSecuritiesList, type JsonCache } from '../../infra/cache';
import type { ObjectStore } from '../../infra/s3';
import { symbolHasBars, symbolsWithDailyBars } from '../../infra/repositories/analysis-bars';
import { upsertAnalysisResult } from '../../infra/repositories/analysis-results';
import { analyzeSymbolsActivity } from './analyze-symbols';
import { batchRenderer } from './render';

export interface AnalysisDeps {
  db: Pool;
  cache: JsonCache;
  /** Where charts and tearsheets are stored; without it nothing is rendered and documents list no charts. */
  s3?: ObjectStore;
  /** Fundamentals as of a date; by default the point-in-time facts in Postgres. */
  fundamentals?: FundamentalsSource;
  /** Overrides the renderer (tests); by default charts and the tearsheet go to `s3`. */
  renderArtifacts?: RenderArtifacts;
  /** Told how long each symbol's rendering took (metrics, the bench). */
  observeRender?: (timing: RenderTiming) => void;
}

/** Compute, store and warm: CPU-bound work, hosted by the analysis worker. */
export function createAnalysisActivities(deps: AnalysisDeps) {
  const reader = { db: deps.db, cache: deps.cache };
  // Ratios from filings filed by the as-of date, priced at the close on that date.
  const fundamentals = deps.fundamentals ?? fundamentalsFrom((s, d, p) => fundamentalsReportAsOf(deps.db, s, d, p));
  return {
    planAnalysis: async (request: AnalyzeRequest): Promise<PlannedAnalysisBatch[]> => {
      if (request.riskFreeSeries && !(await readMacroSeries(deps.db, request.riskFreeSeries))) {
        throw ApplicationFailure.nonRetryable(
          `risk-free series ${request.riskFreeSeries} has not been loaded: start a macro run (POST /v1/runs/macro) first`,
          FAILURE_TYPES.invalidInput,
        );
      }
      try {
        return await planAnalysis(
          { symbolsWithDailyBars: () => symbolsWithDailyBars(deps.db), hasBars: (s) => symbolHasBars(deps.db, s) },
          request,
        );
      } catch (err) {
        if (err instanceof UnknownBenchmarkError)
          throw ApplicationFailure.nonRetryable(err.message, FAILURE_TYPES.invalidInput);
        throw err;
      }
    },
    analyzeSymbols: async (input: AnalyzeSymbolsInput): Promise<AnalyzeSymbolsResult> => {
      const renderer = batchRenderer(deps, input.batchKey, input.artifacts);
      const result = await analyzeSymbolsActivity(
        {
          readBars: async (symbol, to) => (await readBarsCached(reader, symbol, to)).value,
          fundamentals,
          riskFreeYields: async (seriesId, asOf) =>
            (await macroSeriesAsOf(deps.db, seriesId, asOf))?.observations ?? [],
          renderArtifacts: renderer.render,
          store: (row) => upsertAnalysisResult(deps.db, row),
          // The stored figures show in the securities list too: its cached copy goes with the symbol's own.
          warm: (symbol, stored) =>
            Promise.all([invalidateSecuritiesList(deps.cache), warmLatestAnalysis(reader, symbol, stored)]),
        },
        input,
      );
      renderer.done();
      return result;
    },
  };
}

export type AnalysisActivities = ReturnType<typeof createAnalysisActivities>;
