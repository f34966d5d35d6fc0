/** Vocabulary of every kind of run: its kind, its outcome, and how failures and progress are reported. */

/** `IbyRunKind` values; `*-batch` marks the child workflows of a batched run. */
export const RUN_KINDS = {
  prices: 'prices',
  pricesBatch: 'prices-batch',
  fundamentals: 'fundamentals',
  fundamentalsBatch: 'fundamentals-batch',
  analysis: 'analysis',
  analysisBatch: 'analysis-batch',
  pipeline: 'pipeline',
  macro: 'macro',
  macroSeries: 'macro-series',
} as const;
export type RunKind = (typeof RUN_KINDS)[keyof typeof RUN_KINDS];

/** The kinds a person starts (and lists); batch kinds are their children. */
export const TOP_LEVEL_RUN_KINDS = [
  RUN_KINDS.prices,
  RUN_KINDS.fundamentals,
  RUN_KINDS.analysis,
  RUN_KINDS.pipeline,
  RUN_KINDS.macro,
];

/**
 * What a finished run achieved: every batch done (`succeeded`), some failed (`partial`), or nothing done because
 * of failures (`failed`). A run whose workflow failed, timed out or was terminated is `failed` as well.
 */
export const RUN_OUTCOMES = ['succeeded', 'partial', 'failed'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

/** Execution statuses as the API and the `ingestion_runs` ledger spell them (Temporal's, with CANCELED). */
export const RUN_STATUSES = [
  'RUNNING',
  'COMPLETED',
  'FAILED',
  'CANCELED',
  'TERMINATED',
  'TIMED_OUT',
  'CONTINUED_AS_NEW',
  'PAUSED',
  'UNKNOWN',
] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Failure messages are cut to this many characters: a failure must never push a payload past Temporal's limits. */
export const MAX_FAILURE_MESSAGE_CHARS = 2048;

export function truncateMessage(message: string, max = MAX_FAILURE_MESSAGE_CHARS): string {
  if (message.length <= max) return message;
  const omitted = message.length - max;
  return `${message.slice(0, max)}… [${omitted} more characters]`;
}

/** A failed batch of a run, by the symbols (and files, when the batch read files) it covered. */
export interface BatchFailure {
  batchKey: string;
  symbols: string[];
  /** A stable failure type (FAILURE_TYPES) or the error's name. */
  type: string;
  /** Truncated to MAX_FAILURE_MESSAGE_CHARS. */
  message: string;
  files?: string[];
}

/** What every batched run's result carries, whatever its kind. */
export interface BatchedRunTotals {
  batches: number;
  batchesFailed: number;
  failures: BatchFailure[];
  outcome: RunOutcome;
}

export function outcomeOf(
  totals: Pick<BatchedRunTotals, 'batches' | 'batchesFailed'>,
  within: WithinBatchFailures = { failed: 0, loaded: true },
): RunOutcome {
  if (totals.batchesFailed === 0 && within.failed === 0) return 'succeeded';
  const nothingLoaded = totals.batchesFailed >= totals.batches || !within.loaded;
  return nothingLoaded ? 'failed' : 'partial';
}

/**
 * Failures a batch that completed reports inside its result (a file of a folder that could not be read): they make
 * a run partial, or failed when nothing loaded at all.
 */
export interface WithinBatchFailures {
  failed: number;
  loaded: boolean;
}

/** The `progress` query of every batched run; a kind adds its own fields (rows, facts, symbols analysed …). */
export interface BatchedRunProgress {
  kind: RunKind;
  phase: 'planning' | 'running' | 'done';
  batchesTotal: number;
  batchesDone: number;
  batchesFailed: number;
  batchesRunning: number;
  /** Failed symbols and why, so a person sees at a glance what did not load. */
  failuresBySymbol: Record<string, string>;
  /** Set once the run is done. */
  outcome?: RunOutcome;
}
