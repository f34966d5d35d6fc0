/** Vocabulary of corporate actions, recorded (from a provider) or suspected (found in the bars), shared by API and workers. */

/** `split` and `dividend` are recorded; `unexplained_move` and `bad_bar` are what the detector suspects. */
export const CORPORATE_ACTION_KINDS = ['split', 'dividend', 'unexplained_move', 'bad_bar'] as const;
export type CorporateActionKind = (typeof CORPORATE_ACTION_KINDS)[number];

export const CORPORATE_ACTION_STATUSES = ['recorded', 'suspected'] as const;
export type CorporateActionStatus = (typeof CORPORATE_ACTION_STATUSES)[number];

/** Why a row is suspected: the rule that flagged it (README, "Suspected corporate actions and bad bars"). */
export const SUSPICION_REASONS = ['suspected_corporate_action', 'suspected_bad_bar'] as const;
export type SuspicionReason = (typeof SUSPICION_REASONS)[number];

/** The `source` of every suspected row. */
export const SUSPECTED_ACTION_SOURCE = 'detector';

/** One suspected row as a run reports it. */
export interface SuspectedActionRef {
  symbol: string;
  /** The bar whose close moved (for a bad bar: the spike's date). */
  date: string;
  reason: SuspicionReason;
}

/** What the detection step at the end of a price run adds to its result. Counts are exact; the list is capped. */
export interface SuspectedActionsSummary {
  /** Symbols whose whole bar series was checked: every symbol a batch of the run loaded. */
  symbolsChecked: number;
  suspectedActions: number;
  suspectedBadBars: number;
  /** Sorted by symbol and date; at most MAX_LISTED_SUSPECTED entries (the counts are always complete). */
  suspected: SuspectedActionRef[];
}

export const MAX_LISTED_SUSPECTED = 200;

/** Input of the detection activity: the run whose loaded symbols are checked (from its batch ledger). */
export interface DetectSuspectedActionsInput {
  workflowId: string;
  /** The run's first execution id, as the ledger keys it. */
  runId: string;
}

/**
 * How a price series is back-adjusted for recorded actions: `none` as stored, `splits` for splits only, `total` for
 * splits and cash dividends (a total-return series).
 */
export const PRICE_ADJUSTMENTS = ['none', 'splits', 'total'] as const;
export type PriceAdjustment = (typeof PRICE_ADJUSTMENTS)[number];

/** A split or dividend a provider reported, as the transform hands it to the load to record. */
export interface RecordedActionRow {
  symbol: string;
  /** ISO `YYYY-MM-DD`. */
  exDate: string;
  kind: 'split' | 'dividend';
  /** split: new shares per old share (numerator / denominator). */
  ratio: number | null;
  /** dividend: cash per share. */
  cashAmount: number | null;
}
