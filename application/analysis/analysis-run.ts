import {
  DEFAULT_ANALYSIS_BATCH_SIZE,
  DEFAULT_ARTIFACT_MODE,
  NO_BENCHMARK,
  RUN_KINDS,
  TASK_QUEUES,
  type AnalyzeRequest,
} from '../../contracts';
import { InvalidRunRequest } from '../runs/invalid-request';
import type { RunStartSpec } from '../runs/start-run';
import { analysisRunSummary } from '../../workflows/analysis-summary';
import { analyze } from '../../workflows/analyze';

/** How an analysis run is started, by the API, the CLI or a schedule. */
export const ANALYSIS_RUN: RunStartSpec<AnalyzeRequest> = {
  kind: RUN_KINDS.analysis,
  workflow: analyze,
  taskQueue: TASK_QUEUES.analysis,
  source: () => 'postgres',
  symbolCount: (request) => request.symbols?.length ?? 0,
  summary: analysisRunSummary,
};

export type AnalysisRequestInput = Omit<AnalyzeRequest, 'batchSize'> & { batchSize?: number };

/** Canonical form, so equal requests look equal (and get one run): upper-cased sorted symbols, explicit batch size. */
export function normalizeAnalysisRequest(body: AnalysisRequestInput): AnalyzeRequest {
  if (body.from && body.to && body.from > body.to)
    throw new InvalidRunRequest('body/from', 'must not be after body/to');
  if (body.from && body.asOf && body.from > body.asOf)
    throw new InvalidRunRequest('body/from', 'must not be after body/asOf');
  if (body.symbols && body.symbols.length === 0)
    throw new InvalidRunRequest('body/symbols', 'must list at least one symbol, or be left out for every symbol');
  const request: AnalyzeRequest = { batchSize: body.batchSize ?? DEFAULT_ANALYSIS_BATCH_SIZE };
  if (body.symbols) request.symbols = [...new Set(body.symbols.map((s) => s.toUpperCase()))].sort();
  if (body.benchmark !== undefined) {
    request.benchmark = body.benchmark.toLowerCase() === NO_BENCHMARK ? NO_BENCHMARK : body.benchmark.toUpperCase();
  }
  if (body.from) request.from = body.from;
  if (body.to) request.to = body.to;
  if (body.asOf) request.asOf = body.asOf;
  if (body.riskFreeSeries) request.riskFreeSeries = body.riskFreeSeries.toUpperCase();
  // Eager is the default and is left out, so a request that says it and one that does not get the same run id.
  if (body.artifacts && body.artifacts !== DEFAULT_ARTIFACT_MODE) request.artifacts = body.artifacts;
  return request;
}
