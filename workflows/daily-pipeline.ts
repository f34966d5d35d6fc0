import {
  CancellationScope,
  defineQuery,
  executeChild,
  isCancellation,
  log,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertMemo,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  ACTIVITY_OPTIONS,
  RUN_KINDS,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  type AnalyzeRequest,
  type BatchedRunTotals,
  type RunKind,
  type RunOutcome,
} from '../contracts';
import type { createDataActivities } from '../activities/data';
import { analyze } from './analyze';
import { businessDate, scheduledBusinessDate } from './business-date';
import {
  PIPELINE_STAGES,
  type DailyPipelineRequest,
  type DailyPipelineResult,
  type PipelineChild,
  type PipelineProgress,
  type PipelineStage,
  type PipelineStageName,
} from './daily-pipeline-types';
import { pipelineRunSummary, pipelineSource } from './daily-pipeline-summary';
import { failureOf } from './failure-of';
import { ingestFundamentals } from './ingest-fundamentals';
import { ingestPrices } from './ingest-prices';

export * from './daily-pipeline-types';

export const pipelineProgressQuery = defineQuery<PipelineProgress>('progress');

const data = proxyActivities<ReturnType<typeof createDataActivities>>(ACTIVITY_OPTIONS.ledger);

const DAY_MS = 86_400_000;

/**
 * The daily pipeline, one parent run: prices (one request or several, in order) → fundamentals (when given, and
 * not fresh enough) → analysis of the symbols whose bars changed (or all), each stage a child run of its own kind on
 * its own queue. The outcome is the children's: succeeded when all succeeded, failed when all failed, else partial.
 */
export async function dailyPipeline(request: DailyPipelineRequest): Promise<DailyPipelineResult> {
  const { workflowId, firstExecutionRunId: runId } = workflowInfo();
  // A scheduled run is about its scheduled day: prices up to it and analysis as of it, whatever day it executes.
  const scheduledDate = scheduledBusinessDate();
  const date = businessDate();
  const stages: PipelineStage[] = PIPELINE_STAGES.map((name) => ({ name, status: 'pending', children: [] }));
  const state = { stage: 'prices' as PipelineStageName | 'done', outcome: undefined as RunOutcome | undefined };
  const progress = (): PipelineProgress => ({
    kind: 'pipeline',
    phase: state.stage === 'done' ? 'done' : 'running',
    stage: state.stage,
    stages,
    ...(state.outcome ? { outcome: state.outcome } : {}),
  });
  setHandler(pipelineProgressQuery, progress);
  const stage = (name: PipelineStageName) => stages[PIPELINE_STAGES.indexOf(name)];
  const result: DailyPipelineResult = {
    outcome: 'failed',
    stages,
    changedSymbols: [],
    analysedSymbols: [],
    businessDate: date,
  };

  upsertSearchAttributes([
    { key: SEARCH_ATTRIBUTES.runKind, value: RUN_KINDS.pipeline },
    { key: SEARCH_ATTRIBUTES.source, value: pipelineSource(request) },
    { key: SEARCH_ATTRIBUTES.symbolCount, value: 0 },
  ]);
  upsertMemo({ kind: RUN_KINDS.pipeline, summary: pipelineRunSummary(request) });

  try {
    await data.recordRunStarted({
      workflowId,
      runId,
      runKind: RUN_KINDS.pipeline,
      source: pipelineSource(request),
      request,
    });

    // Prices: one request after another (a benchmark file before the stocks, say); a failed one does not stop the rest.
    begin('prices');
    const changed = new Set<string>();
    for (const [i, prices] of request.prices.entries()) {
      const input = scheduledDate && !prices.to ? { ...prices, to: scheduledDate } : prices;
      const done = await child(stage('prices'), RUN_KINDS.prices, `${workflowId}/prices-${i + 1}`, () =>
        executeChild(ingestPrices, {
          workflowId: `${workflowId}/prices-${i + 1}`,
          taskQueue: TASK_QUEUES.etl,
          args: [input],
        }),
      );
      for (const symbol of done?.changedSymbols ?? []) changed.add(symbol);
    }
    result.changedSymbols = [...changed].sort();
    upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.symbolCount, value: changed.size }]);
    stage('prices').status = 'done';

    begin('fundamentals');
    const skipFundamentals = await fundamentalsSkipReason(request);
    if (skipFundamentals) skip('fundamentals', skipFundamentals);
    else if (request.fundamentals) {
      const { fundamentals } = request;
      const id = `${workflowId}/fundamentals`;
      await child(stage('fundamentals'), RUN_KINDS.fundamentals, id, () =>
        executeChild(ingestFundamentals, { workflowId: id, taskQueue: TASK_QUEUES.etl, args: [fundamentals] }),
      );
      stage('fundamentals').status = 'done';
    }

    begin('analysis');
    const { symbols: which = 'changed', ...analysisRequest } = request.analysis;
    if (which === 'changed' && changed.size === 0) skip('analysis', 'no symbol had bars inserted or updated');
    else {
      const input: AnalyzeRequest = { ...analysisRequest };
      if (which === 'changed') input.symbols = result.changedSymbols;
      if (scheduledDate && !input.asOf) input.asOf = scheduledDate;
      result.analysedSymbols = input.symbols ?? [];
      const id = `${workflowId}/analysis`;
      await child(stage('analysis'), RUN_KINDS.analysis, id, () =>
        executeChild(analyze, { workflowId: id, taskQueue: TASK_QUEUES.analysis, args: [input] }),
      );
      stage('analysis').status = 'done';
    }
  } catch (err) {
    const cancelled = isCancellation(err);
    // The ledger write must happen even though the run is being cancelled.
    await CancellationScope.nonCancellable(() =>
      data.recordRunFinished({
        workflowId,
        runId,
        status: cancelled ? 'CANCELED' : 'FAILED',
        outcome: cancelled ? null : 'failed',
        result,
        error: failureOf(err),
      }),
    );
    if (!cancelled) upsertMemo({ outcome: 'failed' });
    throw err;
  }

  state.stage = 'done';
  state.outcome = result.outcome = pipelineOutcome(stages);
  upsertMemo({ outcome: result.outcome });
  setCurrentDetails(describe(stages, result.outcome));
  await data.recordRunFinished({ workflowId, runId, status: 'COMPLETED', outcome: result.outcome, result });
  return result;

  function begin(name: PipelineStageName): void {
    state.stage = name;
    stage(name).status = 'running';
    setCurrentDetails(describe(stages));
  }

  function skip(name: PipelineStageName, reason: string): void {
    stage(name).status = 'skipped';
    stage(name).reason = reason;
    log.info('pipeline stage skipped', { stage: name, reason });
  }
}

/** Why the fundamentals stage does not run, or undefined when it does. */
async function fundamentalsSkipReason(request: DailyPipelineRequest): Promise<string | undefined> {
  if (!request.fundamentals) return 'no fundamentals request';
  if (request.fundamentalsMaxAgeDays === undefined) return undefined;
  const last = await data.lastFinishedRunAt({ runKind: RUN_KINDS.fundamentals });
  if (!last) return undefined;
  const ageDays = (Date.now() - Date.parse(last)) / DAY_MS;
  return ageDays < request.fundamentalsMaxAgeDays
    ? `the last fundamentals run finished ${ageDays.toFixed(1)} days ago (max age ${request.fundamentalsMaxAgeDays})`
    : undefined;
}

/** Runs one child and records it in its stage; a failed child is a failed outcome, not a failed pipeline. */
async function child<R extends BatchedRunTotals>(
  stage: PipelineStage,
  kind: RunKind,
  workflowId: string,
  run: () => Promise<R>,
): Promise<R | undefined> {
  const entry: PipelineChild = { workflowId, kind, status: 'running' };
  stage.children.push(entry);
  try {
    const result = await run();
    entry.status = 'done';
    entry.outcome = result.outcome;
    entry.detail = `${result.batches - result.batchesFailed}/${result.batches} batches done`;
    return result;
  } catch (err) {
    if (isCancellation(err)) throw err;
    const { type, message } = failureOf(err);
    entry.status = 'failed';
    entry.outcome = 'failed';
    entry.detail = `${type}: ${message}`;
    log.warn('pipeline child failed', { workflowId, type, message });
    return undefined;
  }
}

/** Succeeded when every child succeeded, failed when every child failed (or none ran), else partial. */
export function pipelineOutcome(stages: readonly PipelineStage[]): RunOutcome {
  const outcomes = stages.flatMap((s) => s.children.map((c) => c.outcome ?? 'failed'));
  if (!outcomes.length || outcomes.every((o) => o === 'failed')) return 'failed';
  return outcomes.every((o) => o === 'succeeded') ? 'succeeded' : 'partial';
}

function describe(stages: readonly PipelineStage[], outcome?: RunOutcome): string {
  const line = stages.map((s) => `${s.name}: ${s.status}`).join(' → ');
  return outcome ? `**${outcome}**: ${line}` : line;
}
