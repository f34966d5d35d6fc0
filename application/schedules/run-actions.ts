import type { SearchAttributePair } from '@temporalio/common';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { RUN_KINDS, SEARCH_ATTRIBUTES } from '../../contracts';
import { normalizeAnalysisRequest, type AnalysisRequestInput } from '../analysis/analysis-run';
import { StartAnalysisBody } from '../runs/analysis-request-schema';
import { StartFundamentalsBody } from '../runs/fundamentals-request-schema';
import { InvalidRunRequest } from '../runs/invalid-request';
import { normalizeFundamentalsRequest, type FundamentalsRequestInput } from '../runs/normalize-fundamentals-request';
import { normalizePipelineRequest, type PipelineRequestInput } from '../runs/pipeline-run';
import { StartPipelineBody } from '../runs/pipeline-request-schema';
import { analysisRunSummary } from '../../workflows/analysis-summary';
import type { analyze } from '../../workflows/analyze';
import type { dailyPipeline } from '../../workflows/daily-pipeline';
import { pipelineRunSummary, pipelineSource } from '../../workflows/daily-pipeline-summary';
import { fundamentalsRunSummary } from '../../workflows/fundamentals-summary';
import type { ingestFundamentals } from '../../workflows/ingest-fundamentals';
import { ScheduleRequestError } from './errors';
import type { PreparedRun, ScheduleContext } from './scheduled-workflow';

const AT = 'body/action/request';

/** Checks a stored request against the route's schema, naming the field the way the schedule request spells it. */
function check<T>(schema: TSchema, request: unknown): T {
  const [error] = Value.Errors(schema, request);
  if (error) throw new ScheduleRequestError(error.instancePath ? `${AT}${error.instancePath}` : AT, error.message);
  return request as T;
}

/** The kind's normaliser, with its `body/…` errors pointed at the stored request. */
async function normalised<T>(normalise: () => Promise<T> | T): Promise<T> {
  try {
    return await normalise();
  } catch (err) {
    if (err instanceof InvalidRunRequest) throw new ScheduleRequestError(err.field.replace(/^body/, AT), err.problem);
    throw err;
  }
}

const attributes = (kind: string, source: string): SearchAttributePair[] => [
  { key: SEARCH_ATTRIBUTES.runKind, value: kind },
  { key: SEARCH_ATTRIBUTES.source, value: source },
];

/** A stored fundamentals request, checked like `POST /v1/runs/fundamentals` checks it. */
export async function prepareFundamentalsRun(
  request: unknown,
  context: ScheduleContext,
): Promise<PreparedRun<typeof ingestFundamentals>> {
  const body = check<FundamentalsRequestInput>(StartFundamentalsBody, request);
  const input = await normalised(() => normalizeFundamentalsRequest(body, context.importRoots));
  return {
    args: [input],
    summary: fundamentalsRunSummary(input),
    searchAttributes: attributes(RUN_KINDS.fundamentals, input.source),
  };
}

/** A stored analysis request, checked like `POST /v1/runs/analysis` checks it. */
export async function prepareAnalysisRun(request: unknown): Promise<PreparedRun<typeof analyze>> {
  const body = check<AnalysisRequestInput>(StartAnalysisBody, request);
  const input = await normalised(() => normalizeAnalysisRequest(body));
  return {
    args: [input],
    summary: analysisRunSummary(input),
    searchAttributes: attributes(RUN_KINDS.analysis, 'postgres'),
  };
}

/** A stored pipeline request, checked like `POST /v1/runs/pipeline` checks it. */
export async function preparePipelineRun(
  request: unknown,
  context: ScheduleContext,
): Promise<PreparedRun<typeof dailyPipeline>> {
  const body = check<PipelineRequestInput>(StartPipelineBody, request);
  const input = await normalised(() => normalizePipelineRequest(body, context.importRoots, AT));
  return {
    args: [input],
    summary: pipelineRunSummary(input),
    searchAttributes: attributes(RUN_KINDS.pipeline, pipelineSource(input)),
  };
}
