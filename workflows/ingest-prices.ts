import {
  ApplicationFailure,
  ChildWorkflowFailure,
  condition,
  continueAsNew,
  defineQuery,
  executeChild,
  isCancellation,
  log,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_CONCURRENT_BATCHES,
  NON_RETRYABLE_FAILURES,
  RUN_KINDS,
  SEARCH_ATTRIBUTES,
  SOURCE_COLLECT_QUEUES,
  TASK_QUEUES,
  type BatchFailure,
  type IngestPricesRequest,
  type IngestPricesResult,
  type IngestProgress,
  type PlannedBatch,
} from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import type { createDataActivities } from '../activities/data';
import { ingestPriceBatch, type IngestPriceBatchResult } from './ingest-price-batch';
import { addBatchResult, emptyResult } from './run-totals';
import { businessDate, scheduledBusinessDate } from './business-date';

export interface IngestPricesOptions {
  /** How many batches run at once. */
  maxConcurrentBatches?: number;
  /** Continue as new once history passes this many events (Temporal also suggests it by size). */
  historyLimit?: number;
}

/** Carried across continue-as-new: the plan, where we are in it, and what is done so far. */
export interface IngestPricesState {
  runDate: string;
  batches: PlannedBatch[];
  nextBatch: number;
  totals: IngestPricesResult;
}

export const progressQuery = defineQuery<IngestProgress>('progress');

const DEFAULT_HISTORY_LIMIT = 10_000;

const planner = (source: IngestPricesRequest['source']) =>
  proxyActivities<ReturnType<typeof createEtlActivities>>({
    taskQueue: SOURCE_COLLECT_QUEUES[source],
    startToCloseTimeout: '30 minutes',
    heartbeatTimeout: '1 minute',
    retry: { maximumAttempts: 5, nonRetryableErrorTypes: NON_RETRYABLE_FAILURES },
  });

const ledger = proxyActivities<ReturnType<typeof createDataActivities>>({
  taskQueue: TASK_QUEUES.data,
  startToCloseTimeout: '1 minute',
  retry: { maximumAttempts: 10 },
});

/**
 * Daily prices from a source into Postgres: plan the batches, run each as a child workflow
 * (collect → validate → load) with a bounded window of concurrent children, and report the exact row accounting.
 */
export async function ingestPrices(
  request: IngestPricesRequest,
  options: IngestPricesOptions = {},
  resumed?: IngestPricesState,
): Promise<IngestPricesResult> {
  const { workflowId, firstExecutionRunId: runId } = workflowInfo();
  // A scheduled run is about its scheduled day: prices up to it, whenever the run actually executes (backfills).
  const scheduledDate = scheduledBusinessDate();
  if (scheduledDate && !request.to) request = { ...request, to: scheduledDate };
  const maxConcurrent = options.maxConcurrentBatches ?? DEFAULT_CONCURRENT_BATCHES;
  let phase: IngestProgress['phase'] = resumed ? 'running' : 'planning';
  let running = 0;
  const state: IngestPricesState = resumed ?? {
    runDate: businessDate(),
    batches: [],
    nextBatch: 0,
    totals: emptyResult(),
  };
  setHandler(progressQuery, () => progressOf(state, phase, running));

  if (!resumed) {
    await ledger.recordRunStarted({ workflowId, runId, runKind: RUN_KINDS.prices, source: request.source, request });
    setCurrentDetails('Planning batches');
    state.batches = await planner(request.source).planPriceBatches.executeWithOptions(
      { summary: `Plan batches from ${request.source}` },
      [{ request, batchSize: request.batchSize ?? DEFAULT_BATCH_SIZE, runDate: state.runDate }],
    );
    state.totals.batches = state.batches.length;
    log.info('planned price batches', { batches: state.batches.length, source: request.source });
    // A file's symbols are known only now; runs recorded before this change did not upsert (see the replay test).
    if (patched('symbol-count-after-plan')) {
      const symbols = state.batches.reduce((n, batch) => n + batch.symbols.length, 0);
      upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.symbolCount, value: symbols }]);
    }
  }
  phase = 'running';

  while (state.nextBatch < state.batches.length) {
    await condition(() => running < maxConcurrent);
    if (historyIsLarge(options.historyLimit ?? DEFAULT_HISTORY_LIMIT)) {
      // Children must finish first: their results land in this run's history, not the next one's.
      await condition(() => running === 0);
      return continueAsNew<typeof ingestPrices>(request, options, state);
    }
    const batch = state.batches[state.nextBatch++];
    running++;
    void runBatch(request, batch, state)
      .catch((err: unknown) => recordFailure(state, batch, err))
      .finally(() => {
        running--;
        setCurrentDetails(describeProgress(progressOf(state, phase, running)));
      });
  }
  await condition(() => running === 0);
  phase = 'done';

  setCurrentDetails(describeProgress(progressOf(state, phase, running)));
  await ledger.recordRunFinished({ workflowId, runId, status: 'COMPLETED', result: state.totals });
  return state.totals;
}

async function runBatch(request: IngestPricesRequest, batch: PlannedBatch, state: IngestPricesState): Promise<void> {
  const { workflowId, firstExecutionRunId } = workflowInfo();
  const result: IngestPriceBatchResult = await executeChild(ingestPriceBatch, {
    workflowId: `${workflowId}/${batch.batchKey}`,
    taskQueue: TASK_QUEUES.etl,
    args: [{ request, batch, parentWorkflowId: workflowId, parentRunId: firstExecutionRunId, runDate: state.runDate }],
    staticSummary: `Prices batch ${batch.batchKey}: ${batch.symbols.length} symbols from ${request.source}`,
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.runKind, value: RUN_KINDS.pricesBatch },
      { key: SEARCH_ATTRIBUTES.source, value: request.source },
      { key: SEARCH_ATTRIBUTES.symbolCount, value: batch.symbols.length },
    ],
  });
  addBatchResult(state.totals, result);
}

/** A failed batch does not stop the run: the other batches still load, and the failure is reported by symbol. */
function recordFailure(state: IngestPricesState, batch: PlannedBatch, err: unknown): void {
  // A cancelled run is cancelled as a whole: the main loop sees it; a batch cut short is no failure of its own.
  if (isCancellation(err)) return;
  const cause = err instanceof ChildWorkflowFailure ? rootCause(err) : err;
  const failure: BatchFailure = {
    batchKey: batch.batchKey,
    symbols: batch.symbols,
    type: cause instanceof ApplicationFailure && cause.type ? cause.type : 'Error',
    message: cause instanceof Error ? cause.message : String(cause),
  };
  state.totals.batchesFailed++;
  state.totals.failures.push(failure);
  log.warn('price batch failed', { batchKey: batch.batchKey, type: failure.type, message: failure.message });
}

function rootCause(err: Error): Error {
  let current: Error = err;
  while (current.cause instanceof Error) current = current.cause;
  return current;
}

function historyIsLarge(limit: number): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > limit;
}

function progressOf(state: IngestPricesState, phase: IngestProgress['phase'], running: number): IngestProgress {
  const { totals } = state;
  const failuresBySymbol: Record<string, string> = {};
  for (const failure of totals.failures) {
    for (const symbol of failure.symbols) failuresBySymbol[symbol] = `${failure.type}: ${failure.message}`;
  }
  return {
    phase,
    batchesTotal: state.batches.length,
    batchesDone: state.nextBatch - running,
    batchesFailed: totals.batchesFailed,
    batchesRunning: running,
    rowsLoaded: totals.rowsLoaded,
    rowsRejected: totals.rowsRejected,
    failuresBySymbol,
  };
}

function describeProgress(p: IngestProgress): string {
  const failed = p.batchesFailed ? `, ${p.batchesFailed} failed` : '';
  return `${p.batchesDone}/${p.batchesTotal} batches done${failed}; ${p.rowsLoaded} bars loaded, ${p.rowsRejected} rejected`;
}
