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
  noFundamentals,
  planAnalysis,
  readBarsCached,
  UnknownBenchmarkError,
  renderNoArtifacts,
  warmLatestAnalysis,
  type FundamentalsSource,
  type RenderArtifacts,
} from '../../application/analysis';
import type { JsonCache } from '../../infra/cache';
import { symbolHasBars, symbolsWithDailyBars } from '../../infra/repositories/analysis-bars';
import { upsertAnalysisResult } from '../../infra/repositories/analysis-results';
import { analyzeSymbolsActivity } from './analyze-symbols';

export interface AnalysisDeps {
  db: Pool;
  cache: JsonCache;
  /** Fundamentals as of a date; none loaded yet by default. */
  fundamentals?: FundamentalsSource;
  /** Charts and report to S3; renders nothing by default. */
  renderArtifacts?: RenderArtifacts;
}

/** Compute, store and warm: CPU-bound work, hosted by the analysis worker. */
export function createAnalysisActivities(deps: AnalysisDeps) {
  const reader = { db: deps.db, cache: deps.cache };
  return {
    planAnalysis: async (request: AnalyzeRequest): Promise<PlannedAnalysisBatch[]> => {
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
    analyzeSymbols: (input: AnalyzeSymbolsInput): Promise<AnalyzeSymbolsResult> =>
      analyzeSymbolsActivity(
        {
          readBars: async (symbol, to) => (await readBarsCached(reader, symbol, to)).value,
          fundamentals: deps.fundamentals ?? noFundamentals(),
          renderArtifacts: deps.renderArtifacts ?? renderNoArtifacts,
          store: (row) => upsertAnalysisResult(deps.db, row),
          warm: (symbol, stored) => warmLatestAnalysis(reader, symbol, stored),
        },
        input,
      ),
  };
}

export type AnalysisActivities = ReturnType<typeof createAnalysisActivities>;
