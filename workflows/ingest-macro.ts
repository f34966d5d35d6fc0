import { defineQuery } from '@temporalio/workflow';
import {
  MACRO_SOURCE,
  RUN_KINDS,
  TASK_QUEUES,
  type BatchedRunProgress,
  type IngestMacroRequest,
  type IngestMacroResult,
  type MacroSeriesCounts,
} from '../contracts';
import {
  emptyBatchedTotals,
  runBatched,
  type BatchedRunOptions,
  type BatchedRunSpec,
  type BatchedRunState,
  type PlannedUnit,
} from './batched-run';
import { macroRunSummary } from './macro-summary';
import { ingestMacroSeries, type IngestMacroSeriesInput } from './ingest-macro-series';

export type IngestMacroOptions = BatchedRunOptions;
export type IngestMacroState = BatchedRunState<PlannedUnit, IngestMacroResult>;

export interface MacroProgressFields {
  seriesLoaded: number;
  newRows: number;
  revisions: number;
}

/** The same query every batched run answers, typed with the macro run's own fields. */
export const macroProgressQuery = defineQuery<BatchedRunProgress & MacroProgressFields>('progress');

export const macroRun: BatchedRunSpec<
  IngestMacroRequest,
  PlannedUnit,
  IngestMacroSeriesInput,
  MacroSeriesCounts,
  IngestMacroResult,
  MacroProgressFields
> = {
  kind: RUN_KINDS.macro,
  batchKind: RUN_KINDS.macroSeries,
  source: () => MACRO_SOURCE,
  symbolCount: (request) => request.series.length,
  summary: macroRunSummary,
  // Nothing to look up: each series is its own unit, so one failing (unknown, refused) leaves the others loading.
  plan: (request) => Promise.resolve(request.series.map((seriesId) => ({ batchKey: seriesId, symbols: [seriesId] }))),
  child: {
    workflow: ingestMacroSeries,
    taskQueue: TASK_QUEUES.etl,
    input: (request, batch, context) => ({ request, seriesId: batch.batchKey, ...context }),
    summary: (_request, batch) => `Macro series ${batch.batchKey} from FRED`,
  },
  emptyTotals: () => ({
    ...emptyBatchedTotals(),
    seriesLoaded: 0,
    observations: 0,
    newRows: 0,
    revisions: 0,
    series: [],
  }),
  addResult: (totals, result) => {
    totals.seriesLoaded++;
    totals.observations += result.observations;
    totals.newRows += result.newRows;
    totals.revisions += result.revisions;
    totals.series.push(result);
  },
  progress: (totals) => ({ seriesLoaded: totals.seriesLoaded, newRows: totals.newRows, revisions: totals.revisions }),
  describe: (totals) => `${totals.seriesLoaded} series, ${totals.newRows} new vintages, ${totals.revisions} revisions`,
};

/**
 * FRED series into Postgres, point in time: each series is fetched (one rate-limited request) and its vintages
 * loaded beside the ones already stored, in a bounded window of child workflows, with the counts of each series.
 */
export async function ingestMacro(
  request: IngestMacroRequest,
  options: IngestMacroOptions = {},
  resumed?: IngestMacroState,
): Promise<IngestMacroResult> {
  return runBatched(macroRun, request, options, resumed);
}
