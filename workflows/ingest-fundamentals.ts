import { defineQuery, proxyActivities } from '@temporalio/workflow';
import {
  ACTIVITY_OPTIONS,
  addFactCounts,
  DEFAULT_FUNDAMENTALS_BATCH_SIZE,
  emptyFactCounts,
  RUN_KINDS,
  TASK_QUEUES,
  type BatchedRunProgress,
  type FundamentalsProgressFields,
  type IngestFundamentalsBatchResult,
  type IngestFundamentalsRequest,
  type IngestFundamentalsResult,
  type PlannedFundamentalsBatch,
} from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import {
  emptyBatchedTotals,
  runBatched,
  type BatchedRunOptions,
  type BatchedRunSpec,
  type BatchedRunState,
} from './batched-run';
import { fundamentalsRunSummary } from './fundamentals-summary';
import { ingestFundamentalsBatch, type IngestFundamentalsBatchInput } from './ingest-fundamentals-batch';

export type IngestFundamentalsOptions = BatchedRunOptions;
export type IngestFundamentalsState = BatchedRunState<PlannedFundamentalsBatch, IngestFundamentalsResult>;

/** The same query every batched run answers, typed with the fundamentals run's own fields. */
export const fundamentalsProgressQuery = defineQuery<BatchedRunProgress & FundamentalsProgressFields>('progress');

const etl = proxyActivities<ReturnType<typeof createEtlActivities>>(ACTIVITY_OPTIONS.plan(TASK_QUEUES.etl));
// SEC's tickers file is one request on SEC's rate-limited queue, like every companyfacts request.
const sec = proxyActivities<ReturnType<typeof createEtlActivities>>(ACTIVITY_OPTIONS.collect(TASK_QUEUES.etlSec));

export const fundamentalsRun: BatchedRunSpec<
  IngestFundamentalsRequest,
  PlannedFundamentalsBatch,
  IngestFundamentalsBatchInput,
  IngestFundamentalsBatchResult,
  IngestFundamentalsResult,
  FundamentalsProgressFields
> = {
  kind: RUN_KINDS.fundamentals,
  batchKind: RUN_KINDS.fundamentalsBatch,
  source: (request) => request.source,
  symbolCount: (request) => (request.symbols?.length ?? 0) + (request.ciks?.length ?? 0),
  summary: fundamentalsRunSummary,
  plan: async (request, { runDate }) => {
    const tickers =
      request.source === 'sec' && request.symbols?.length
        ? await sec.collectSecTickers.executeWithOptions({ summary: "Fetch SEC's company_tickers.json" }, [{ runDate }])
        : null;
    return etl.planFundamentalsBatches.executeWithOptions({ summary: `Plan batches from ${request.source}` }, [
      { request, batchSize: request.batchSize ?? DEFAULT_FUNDAMENTALS_BATCH_SIZE, runDate, tickers },
    ]);
  },
  child: {
    workflow: ingestFundamentalsBatch,
    taskQueue: TASK_QUEUES.etl,
    input: (request, batch, context) => ({ request, batch, ...context }),
    summary: (request, batch) =>
      `Fundamentals batch ${batch.batchKey}: ${batch.symbols.length} companies from ${request.source}`,
  },
  files: (batch) => (batch.parts ?? []).map((part) => part.origin),
  emptyTotals: () => ({ ...emptyBatchedTotals(), ...emptyFactCounts(), companies: 0 }),
  addResult: (totals, result) => {
    addFactCounts(totals, result);
    totals.companies += result.ciks.length;
  },
  progress: (totals) => ({
    factsRead: totals.factsRead,
    factsInserted: totals.factsInserted,
    factsRejected: totals.factsRejected,
  }),
  describe: (totals) =>
    `${totals.factsInserted} new facts, ${totals.factsUnchanged} unchanged, ${totals.factsRejected} rejected`,
};

/**
 * SEC companyfacts into Postgres, point in time: plan the batches (archiving local files, or mapping symbols to
 * CIKs through SEC's tickers file), run each as a child workflow (collect → validate → load) in a bounded window,
 * and report the exact fact accounting.
 */
export async function ingestFundamentals(
  request: IngestFundamentalsRequest,
  options: IngestFundamentalsOptions = {},
  resumed?: IngestFundamentalsState,
): Promise<IngestFundamentalsResult> {
  return runBatched(fundamentalsRun, request, options, resumed);
}
