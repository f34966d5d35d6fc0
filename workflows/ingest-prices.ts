import { defineQuery, proxyActivities } from '@temporalio/workflow';
import {
  ACTIVITY_OPTIONS,
  DEFAULT_BATCH_SIZE,
  RUN_KINDS,
  SOURCE_COLLECT_QUEUES,
  TASK_QUEUES,
  type IngestPricesRequest,
  type IngestPricesResult,
  type IngestProgress,
  type PlannedBatch,
} from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import { runBatched, type BatchedRunOptions, type BatchedRunSpec, type BatchedRunState } from './batched-run';
import { ingestPriceBatch, type IngestPriceBatchInput, type IngestPriceBatchResult } from './ingest-price-batch';
import { pricesRunSummary } from './prices-summary';
import { addBatchResult, emptyResult } from './run-totals';
import { scheduledBusinessDate } from './business-date';

export type IngestPricesOptions = BatchedRunOptions;
export type IngestPricesState = BatchedRunState<PlannedBatch, IngestPricesResult>;

/** The same query every batched run answers, typed with the price run's own fields. */
export const progressQuery = defineQuery<IngestProgress>('progress');

const planner = (source: IngestPricesRequest['source']) =>
  proxyActivities<ReturnType<typeof createEtlActivities>>(ACTIVITY_OPTIONS.plan(SOURCE_COLLECT_QUEUES[source]));

export const pricesRun: BatchedRunSpec<
  IngestPricesRequest,
  PlannedBatch,
  IngestPriceBatchInput,
  IngestPriceBatchResult,
  IngestPricesResult,
  Pick<IngestProgress, 'rowsLoaded' | 'rowsRejected'>
> = {
  kind: RUN_KINDS.prices,
  batchKind: RUN_KINDS.pricesBatch,
  source: (request) => request.source,
  symbolCount: (request) => request.symbols?.length ?? (request.symbol ? 1 : 0),
  summary: pricesRunSummary,
  plan: (request, { runDate }) =>
    planner(request.source).planPriceBatches.executeWithOptions({ summary: `Plan batches from ${request.source}` }, [
      { request, batchSize: request.batchSize ?? DEFAULT_BATCH_SIZE, runDate },
    ]),
  child: {
    workflow: ingestPriceBatch,
    taskQueue: TASK_QUEUES.etl,
    input: (request, batch, context) => ({ request, batch, ...context }),
    summary: (request, batch) =>
      `Prices batch ${batch.batchKey}: ${batch.symbols.length} symbols from ${request.source}`,
  },
  files: (batch) => [...new Set((batch.parts ?? []).map((part) => part.origin))],
  emptyTotals: emptyResult,
  addResult: addBatchResult,
  progress: (totals) => ({ rowsLoaded: totals.rowsLoaded, rowsRejected: totals.rowsRejected }),
  describe: (totals) => `${totals.rowsLoaded} bars loaded, ${totals.rowsRejected} rejected`,
  withinBatchFailures: (totals) => ({
    failed: (totals.fileFailures?.length ?? 0) + (totals.fileFailuresOmitted ?? 0),
    loaded: totals.rowsLoaded > 0,
  }),
};

/**
 * Daily prices from a source into Postgres: plan the batches, run each as a child workflow
 * (collect → validate → load) with a bounded window of concurrent children, and report the exact row accounting.
 */
export async function ingestPrices(
  request: IngestPricesRequest,
  options: IngestPricesOptions = {},
  resumed?: IngestPricesState,
): Promise<IngestPricesResult> {
  // A scheduled run is about its scheduled day: prices up to it, whenever the run actually executes (backfills).
  const scheduledDate = scheduledBusinessDate();
  if (scheduledDate && !request.to) request = { ...request, to: scheduledDate };
  return runBatched(pricesRun, request, options, resumed);
}
