import type { Pool } from 'pg';
import type { AnalyzeSymbolsInput, AnalyzeSymbolsResult } from '../../contracts/analysis';
import {
  noFundamentals,
  readBarsCached,
  renderNoArtifacts,
  warmLatestAnalysis,
  type FundamentalsSource,
  type RenderArtifacts,
} from '../../application/analysis';
import type { JsonCache } from '../../infra/cache';
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
    analyzeSymbols: (input: AnalyzeSymbolsInput): Promise<AnalyzeSymbolsResult> =>
      analyzeSymbolsActivity(
        {
          readBars: async (symbol, to) => (await readBarsCached(reader, symbol, to)).value,
          fundamentals: deps.fundamentals ?? noFundamentals(),
          renderArtifacts: deps.renderArtifacts ?? renderNoArtifacts,
          store: (row) => upsertAnalysisResult(deps.db, row),
          warm: (symbol) => warmLatestAnalysis(reader, symbol),
        },
        input,
      ),
  };
}

export type AnalysisActivities = ReturnType<typeof createAnalysisActivities>;
