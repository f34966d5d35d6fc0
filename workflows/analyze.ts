import { proxyActivities } from '@temporalio/workflow';
import {
  ACTIVITY_OPTIONS,
  MAX_REPORTED_SYMBOL_FAILURES,
  RUN_KINDS,
  TASK_QUEUES,
  type AnalyzeBatchInput,
  type AnalyzeBatchResult,
  type AnalyzeRequest,
  type AnalyzeTotals,
  type BatchedRunTotals,
  type PlannedAnalysisBatch,
} from '../contracts';
import type { createAnalysisActivities } from '../activities/analysis';
import { analyzeBatch } from './analyze-batch';
import { analysisRunSummary } from './analysis-summary';
import {
  emptyBatchedTotals,
  runBatched,
  type BatchedRunOptions,
  type BatchedRunSpec,
  type BatchedRunState,
} from './batched-run';
import { scheduledBusinessDate } from './business-date';

export type AnalyzeResult = BatchedRunTotals & AnalyzeTotals;
export type AnalyzeState = BatchedRunState<PlannedAnalysisBatch, AnalyzeResult>;

const planner = proxyActivities<ReturnType<typeof createAnalysisActivities>>(ACTIVITY_OPTIONS.analysis);

export const analysisRun: BatchedRunSpec<
  AnalyzeRequest,
  PlannedAnalysisBatch,
  AnalyzeBatchInput,
  AnalyzeBatchResult,
  AnalyzeResult,
  Pick<AnalyzeTotals, 'symbolsAnalysed' | 'symbolsFailed'>
> = {
  kind: RUN_KINDS.analysis,
  batchKind: RUN_KINDS.analysisBatch,
  source: () => 'postgres',
  symbolCount: (request) => request.symbols?.length ?? 0,
  summary: analysisRunSummary,
  plan: (request) => planner.planAnalysis.executeWithOptions({ summary: 'Plan analysis batches' }, [request]),
  child: {
    workflow: analyzeBatch,
    taskQueue: TASK_QUEUES.analysis,
    input: (request, batch, context) => ({
      symbols: batch.symbols,
      benchmark: batch.benchmark,
      ...(request.asOf ? { asOf: request.asOf } : {}),
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
      analysisWorkflowId: context.parentWorkflowId,
      analysisRunId: context.parentRunId,
      batchKey: batch.batchKey,
      ...(request.artifacts ? { artifacts: request.artifacts } : {}),
      ...(request.riskFreeSeries ? { riskFreeSeries: request.riskFreeSeries } : {}),
    }),
    summary: (_request, batch) =>
      `Analysis batch ${batch.batchKey}: ${batch.symbols.length} symbols against ${batch.benchmark ?? 'no benchmark'}`,
  },
  emptyTotals: () => ({
    ...emptyBatchedTotals(),
    symbolsAnalysed: 0,
    symbolsFailed: 0,
    barsRead: 0,
    symbolFailures: [],
  }),
  addResult: (totals, result) => {
    totals.symbolsAnalysed += result.analysed.length;
    totals.symbolsFailed += result.failures.length;
    totals.barsRead += result.barsRead;
    const room = MAX_REPORTED_SYMBOL_FAILURES - totals.symbolFailures.length;
    if (room > 0) totals.symbolFailures.push(...result.failures.slice(0, room));
  },
  progress: (totals) => ({ symbolsAnalysed: totals.symbolsAnalysed, symbolsFailed: totals.symbolsFailed }),
  // Not a failure of the run (a symbol listed last month has too few bars), but a person should see which and why.
  symbolFailures: (totals) => totals.symbolFailures.map((f) => ({ ...f, reason: `not analysable: ${f.reason}` })),
  describe: (totals) =>
    `${totals.symbolsAnalysed} symbols analysed (${totals.barsRead} bars), ${totals.symbolsFailed} not analysable`,
};

/**
 * Analysis of many symbols: plan batches (default: every symbol with daily bars, against ^GSPC when loaded), run
 * each as an `analyzeBatch` child on the analysis queue in a bounded window, and total what was analysed.
 */
export async function analyze(
  request: AnalyzeRequest,
  options: BatchedRunOptions = {},
  resumed?: AnalyzeState,
): Promise<AnalyzeResult> {
  // A scheduled run is about its scheduled day: analysis as of it, whenever the run actually executes (backfills).
  const scheduledDate = scheduledBusinessDate();
  if (scheduledDate && !request.asOf) request = { ...request, asOf: scheduledDate };
  return runBatched(analysisRun, request, options, resumed);
}
