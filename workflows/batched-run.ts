/**
 * The batched run, written once for every kind (prices, fundamentals, analysis): plan → a sliding window of child
 * workflows → totals, with continue-as-new, the `progress` query, failures by symbol/file, an honest outcome, the
 * run's own search attributes and memo, and the `ingestion_runs` ledger (started, and every end but termination,
 * which application/runs/reconcile-runs.ts records).
 *
 * Usage — a kind supplies a `BatchedRunSpec` and a three-argument workflow that hands over to `runBatched`:
 *
 * ```ts
 * const fundamentalsRun: BatchedRunSpec<IngestFundamentalsRequest, PlannedBatch, FundamentalsBatchInput,
 *   FundamentalsBatchResult, IngestFundamentalsResult, { factsLoaded: number }> = {
 *   kind: RUN_KINDS.fundamentals,
 *   batchKind: RUN_KINDS.fundamentalsBatch,
 *   source: (request) => request.source,
 *   summary: (request) => `Fundamentals from ${request.source}`,
 *   plan: (request, { runDate }) => planner.planFundamentals({ request, runDate }),   // an activity call
 *   child: {
 *     workflow: ingestFundamentalsBatch,
 *     taskQueue: TASK_QUEUES.etl,
 *     input: (request, batch, ctx) => ({ request, batch, ...ctx }),
 *   },
 *   emptyTotals: () => ({ ...emptyBatchedTotals(), factsLoaded: 0 }),
 *   addResult: (totals, result) => { totals.factsLoaded += result.factsLoaded; },
 *   progress: (totals) => ({ factsLoaded: totals.factsLoaded }),
 *   describe: (totals) => `${totals.factsLoaded} facts loaded`,
 * };
 *
 * export async function ingestFundamentals(request: IngestFundamentalsRequest, options: BatchedRunOptions = {},
 *   resumed?: BatchedRunState<PlannedBatch, IngestFundamentalsResult>): Promise<IngestFundamentalsResult> {
 *   return runBatched(fundamentalsRun, request, options, resumed);
 * }
 * ```
 *
 * The workflow's signature must stay `(request, options, resumed)`: continue-as-new calls it again with the state.
 * The result carries `batches`, `batchesFailed`, `failures` and `outcome` (contracts/runs.ts) plus the kind's totals.
 */
import {
  CancellationScope,
  condition,
  ContinueAsNew,
  continueAsNew,
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
  DEFAULT_CONCURRENT_BATCHES,
  outcomeOf,
  SEARCH_ATTRIBUTES,
  type BatchedRunProgress,
  type BatchedRunTotals,
  type RunKind,
  type SymbolFailure,
  type WithinBatchFailures,
} from '../contracts';
import type { createDataActivities } from '../activities/data';
import { businessDate } from './business-date';
import { failureOf } from './failure-of';
import { describeProgress, progressOf, type RunPhase } from './run-progress';

export interface BatchedRunOptions {
  /** How many batches run at once. */
  maxConcurrentBatches?: number;
  /** Continue as new once history passes this many events (Temporal also suggests it by size). */
  historyLimit?: number;
}

/** What a plan step returns: a unit of work, named by a key stable within the run. */
export interface PlannedUnit {
  batchKey: string;
  symbols: string[];
}

/** Carried across continue-as-new: the plan, where we are in it, and what is done so far. */
export interface BatchedRunState<B extends PlannedUnit, T extends BatchedRunTotals> {
  runDate: string;
  batches: B[];
  nextBatch: number;
  totals: T;
}

/** Given to `plan` and to each child's input. */
export interface BatchContext {
  /** The parent run, recorded in the ledger and on every loaded row. */
  parentWorkflowId: string;
  /** The parent's first execution id: one ledger per run of a request, stable across continue-as-new. */
  parentRunId: string;
  /** The run's business date (`YYYY-MM-DD`). */
  runDate: string;
}

export interface BatchedRunSpec<
  Req,
  B extends PlannedUnit,
  I,
  R,
  T extends BatchedRunTotals,
  P extends object = Record<never, never>,
> {
  kind: RunKind;
  /** The `IbyRunKind` of the children, e.g. `prices-batch`. */
  batchKind: RunKind;
  /** `IbySource` (csv, stooq, file, sec, postgres …). */
  source(request: Req): string;
  /** Symbols known before planning (0 when only the plan knows them); the plan's count replaces it. */
  symbolCount?(request: Req): number;
  /** One line for the memo (the runs list) and the Temporal UI. */
  summary(request: Req): string;
  /** The business date; defaults to the scheduled day of a scheduled run, else the day the run started. */
  runDate?(request: Req): string | undefined;
  /** The plan step: normally one activity call. */
  plan(request: Req, context: BatchContext): Promise<B[]>;
  child: {
    workflow: (input: I) => Promise<R>;
    taskQueue: string;
    input(request: Req, batch: B, context: BatchContext): I;
    /** The child's static summary in the Temporal UI. */
    summary?(request: Req, batch: B): string;
  };
  /** Files a batch read, reported with its failure (a folder or multi-file source). */
  files?(batch: B): string[];
  /** Start with `emptyBatchedTotals()` spread in. */
  emptyTotals(): T;
  /** Adds one child's result into the totals (mutates them). */
  addResult(totals: T, result: R): void;
  /** Kind-specific fields of the `progress` query. */
  progress?(totals: T): P;
  /** Kind-specific end of the current-details line, e.g. "1200 bars loaded, 3 rejected". */
  describe?(totals: T): string;
  /** Symbols a completed batch could not process, and why (listed by the `progress` query with the failed batches'). */
  symbolFailures?(totals: T): readonly SymbolFailure[];
  /** Failures inside completed batches (unreadable files) and whether anything loaded, for the outcome. */
  withinBatchFailures?(totals: T): WithinBatchFailures;
}

/** Every kind's `progress` query; a kind may export a narrower definition of the same name for its clients. */
export const runProgressQuery = defineQuery<BatchedRunProgress>('progress');

const DEFAULT_HISTORY_LIMIT = 10_000;

const ledger = proxyActivities<ReturnType<typeof createDataActivities>>(ACTIVITY_OPTIONS.ledger);

export function emptyBatchedTotals(): BatchedRunTotals {
  return { batches: 0, batchesFailed: 0, failures: [], outcome: 'succeeded' };
}

export async function runBatched<Req, B extends PlannedUnit, I, R, T extends BatchedRunTotals, P extends object>(
  spec: BatchedRunSpec<Req, B, I, R, T, P>,
  request: Req,
  options: BatchedRunOptions = {},
  resumed?: BatchedRunState<B, T>,
): Promise<T> {
  const { workflowId, firstExecutionRunId: runId } = workflowInfo();
  const maxConcurrent = options.maxConcurrentBatches ?? DEFAULT_CONCURRENT_BATCHES;
  const run = { phase: (resumed ? 'running' : 'planning') as RunPhase, running: 0 };
  const state: BatchedRunState<B, T> = resumed ?? {
    runDate: spec.runDate?.(request) ?? businessDate(),
    batches: [],
    nextBatch: 0,
    totals: spec.emptyTotals(),
  };
  const context: BatchContext = { parentWorkflowId: workflowId, parentRunId: runId, runDate: state.runDate };
  const progress = () => progressOf(spec, state, run.phase, run.running);
  setHandler(runProgressQuery, progress);

  try {
    if (!resumed) {
      describeSelf(spec, request);
      await ledger.recordRunStarted({ workflowId, runId, runKind: spec.kind, source: spec.source(request), request });
      setCurrentDetails('Planning batches');
      state.batches = await spec.plan(request, context);
      state.totals.batches = state.batches.length;
      const symbols = state.batches.reduce((n, batch) => n + batch.symbols.length, 0);
      upsertSearchAttributes([{ key: SEARCH_ATTRIBUTES.symbolCount, value: symbols }]);
      log.info('planned batches', { kind: spec.kind, batches: state.batches.length, symbols });
    }
    run.phase = 'running';

    while (state.nextBatch < state.batches.length) {
      await condition(() => run.running < maxConcurrent);
      if (historyIsLarge(options.historyLimit ?? DEFAULT_HISTORY_LIMIT)) {
        // Children must finish first: their results land in this run's history, not the next one's.
        await condition(() => run.running === 0);
        return await continueAsNew<BatchedWorkflow<Req, B, T>>(request, options, state);
      }
      const batch = state.batches[state.nextBatch++];
      run.running++;
      void runChild(spec, request, batch, context)
        .then((result) => spec.addResult(state.totals, result))
        .catch((err: unknown) => recordFailure(spec, state.totals, batch, err))
        .finally(() => {
          run.running--;
          setCurrentDetails(describeProgress(spec, progress(), state.totals));
        });
    }
    await condition(() => run.running === 0);
  } catch (err) {
    if (err instanceof ContinueAsNew) throw err;
    const cancelled = isCancellation(err);
    // The ledger write must happen even though the run is being cancelled.
    await CancellationScope.nonCancellable(() =>
      ledger.recordRunFinished({
        workflowId,
        runId,
        status: cancelled ? 'CANCELED' : 'FAILED',
        outcome: cancelled ? null : 'failed',
        result: state.totals,
        error: failureOf(err),
      }),
    );
    if (!cancelled) upsertMemo({ outcome: 'failed' });
    throw err;
  }

  run.phase = 'done';
  state.totals.outcome = outcomeOf(state.totals, spec.withinBatchFailures?.(state.totals));
  upsertMemo({ outcome: state.totals.outcome });
  setCurrentDetails(describeProgress(spec, progress(), state.totals));
  await ledger.recordRunFinished({
    workflowId,
    runId,
    status: 'COMPLETED',
    outcome: state.totals.outcome,
    result: state.totals,
  });
  return state.totals;
}

/** The shape continue-as-new calls again: every batched workflow is `(request, options, resumed)`. */
type BatchedWorkflow<Req, B extends PlannedUnit, T extends BatchedRunTotals> = (
  request: Req,
  options: BatchedRunOptions,
  resumed: BatchedRunState<B, T>,
) => Promise<T>;

/** The run describes itself, so one started by a schedule or the Temporal CLI looks like one started by the API. */
function describeSelf<Req>(
  spec: Pick<
    BatchedRunSpec<Req, PlannedUnit, unknown, unknown, BatchedRunTotals>,
    'kind' | 'source' | 'symbolCount' | 'summary'
  >,
  request: Req,
): void {
  upsertSearchAttributes([
    { key: SEARCH_ATTRIBUTES.runKind, value: spec.kind },
    { key: SEARCH_ATTRIBUTES.source, value: spec.source(request) },
    { key: SEARCH_ATTRIBUTES.symbolCount, value: spec.symbolCount?.(request) ?? 0 },
  ]);
  upsertMemo({ kind: spec.kind, summary: spec.summary(request) });
}

async function runChild<Req, B extends PlannedUnit, I, R, T extends BatchedRunTotals, P extends object>(
  spec: BatchedRunSpec<Req, B, I, R, T, P>,
  request: Req,
  batch: B,
  context: BatchContext,
): Promise<R> {
  return executeChild(spec.child.workflow, {
    workflowId: `${context.parentWorkflowId}/${batch.batchKey}`,
    taskQueue: spec.child.taskQueue,
    args: [spec.child.input(request, batch, context)],
    staticSummary: spec.child.summary?.(request, batch),
    typedSearchAttributes: [
      { key: SEARCH_ATTRIBUTES.runKind, value: spec.batchKind },
      { key: SEARCH_ATTRIBUTES.source, value: spec.source(request) },
      { key: SEARCH_ATTRIBUTES.symbolCount, value: batch.symbols.length },
    ],
  });
}

/** A failed batch does not stop the run: the other batches still go on, and the failure is reported by symbol. */
function recordFailure<Req, B extends PlannedUnit, I, R, T extends BatchedRunTotals, P extends object>(
  spec: BatchedRunSpec<Req, B, I, R, T, P>,
  totals: T,
  batch: B,
  err: unknown,
): void {
  // A cancelled run is cancelled as a whole: the main loop sees it; a batch cut short is no failure of its own.
  if (isCancellation(err)) return;
  const { type, message } = failureOf(err);
  const files = spec.files?.(batch);
  totals.batchesFailed++;
  totals.failures.push({
    batchKey: batch.batchKey,
    symbols: batch.symbols,
    type,
    message,
    ...(files?.length ? { files } : {}),
  });
  log.warn('batch failed', { kind: spec.kind, batchKey: batch.batchKey, type, message });
}

function historyIsLarge(limit: number): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || info.historyLength > limit;
}
