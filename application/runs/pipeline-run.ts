import { DEFAULT_ANALYSIS_BATCH_SIZE, RUN_KINDS, TASK_QUEUES } from '../../contracts';
import { normalizeAnalysisRequest, type AnalysisRequestInput } from '../analysis/analysis-run';
import { dailyPipeline } from '../../workflows/daily-pipeline';
import { pipelineRunSummary, pipelineSource } from '../../workflows/daily-pipeline-summary';
import type { DailyPipelineRequest, PipelineAnalysisSymbols } from '../../workflows/daily-pipeline-types';
import { InvalidRunRequest } from './invalid-request';
import { normalizeFundamentalsRequest, type FundamentalsRequestInput } from './normalize-fundamentals-request';
import { normalizePricesRequest, type PricesRequestInput } from './normalize-prices-request';
import type { RunStartSpec } from './start-run';

/** How a pipeline run is started, by the API, the CLI or a schedule. */
export const PIPELINE_RUN: RunStartSpec<DailyPipelineRequest> = {
  kind: RUN_KINDS.pipeline,
  workflow: dailyPipeline,
  // The pipeline only orchestrates; its children run on their own kinds' queues.
  taskQueue: TASK_QUEUES.analysis,
  source: pipelineSource,
  symbolCount: () => 0,
  summary: pipelineRunSummary,
};

/** A pipeline request as a caller sends it: each part is that kind's own request (analysis without symbols). */
export interface PipelineRequestInput {
  prices: PricesRequestInput | PricesRequestInput[];
  fundamentals?: FundamentalsRequestInput;
  fundamentalsMaxAgeDays?: number;
  analysis?: Omit<AnalysisRequestInput, 'symbols'> & { symbols?: PipelineAnalysisSymbols };
}

/**
 * Each part normalised by its own kind's normaliser (so a pipeline checks exactly what the single runs check), with
 * errors naming the part (`body/prices/0/path`); the canonical form gives equal requests one run.
 */
export async function normalizePipelineRequest(
  body: PipelineRequestInput,
  importRoots: readonly string[],
  at = 'body',
): Promise<DailyPipelineRequest> {
  const many = Array.isArray(body.prices);
  const priceInputs = Array.isArray(body.prices) ? body.prices : [body.prices];
  if (!priceInputs.length) throw new InvalidRunRequest(`${at}/prices`, 'must hold at least one price request');
  const prices = [];
  for (const [i, input] of priceInputs.entries()) {
    prices.push(await within(`${at}/prices${many ? `/${i}` : ''}`, () => normalizePricesRequest(input, importRoots)));
  }
  const { symbols = 'changed', ...analysisInput } = body.analysis ?? {};
  const analysis = await within(`${at}/analysis`, () =>
    Promise.resolve(normalizeAnalysisRequest({ batchSize: DEFAULT_ANALYSIS_BATCH_SIZE, ...analysisInput })),
  );
  const request: DailyPipelineRequest = { prices, analysis: { ...analysis, symbols } };
  if (body.fundamentals) {
    const fundamentals = body.fundamentals;
    request.fundamentals = await within(`${at}/fundamentals`, () =>
      normalizeFundamentalsRequest(fundamentals, importRoots),
    );
  }
  if (body.fundamentalsMaxAgeDays !== undefined) {
    if (!body.fundamentals)
      throw new InvalidRunRequest(`${at}/fundamentalsMaxAgeDays`, `is only accepted with ${at}/fundamentals`);
    request.fundamentalsMaxAgeDays = body.fundamentalsMaxAgeDays;
  }
  return request;
}

/** Re-points a part's `body/…` error at the part, e.g. `body/path` → `body/prices/0/path`. */
async function within<T>(at: string, normalise: () => Promise<T>): Promise<T> {
  try {
    return await normalise();
  } catch (err) {
    if (!(err instanceof InvalidRunRequest)) throw err;
    throw new InvalidRunRequest(err.field.replace(/^body/, at), err.problem);
  }
}
