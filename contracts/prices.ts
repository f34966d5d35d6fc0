/** Vocabulary of the price ETL, shared by the API, the workflows and the activities. */

import type { PriceProvider } from './providers';
import type { BatchedRunProgress, BatchedRunTotals } from './runs';

/** `auto`: each symbol from the first provider of PRICE_PROVIDER_ORDER that answers it (see workflows/failover-collect-step.ts). */
export const PRICE_SOURCES = ['csv', 'stooq', 'yahoo', 'alphavantage', 'tiingo', 'auto'] as const;
export type PriceSource = (typeof PRICE_SOURCES)[number];

/**
 * Why a row was not loaded. One reason per row: the first rule that fails, in this order.
 * A price of exactly 0 counts as missing.
 */
export const REJECT_REASONS = [
  // A quoted field never closed (within the line limit or before the end of the input): fields are unknowable.
  'malformed_record',
  'missing_symbol',
  'invalid_symbol',
  'missing_date',
  'invalid_date',
  // After today's date on the exchange's calendar (America/New_York).
  'date_in_future',
  'invalid_number',
  // A volume with a fraction (1.5): a share count is whole, and rounding would invent data.
  'fractional_volume',
  'missing_close',
  'negative_price',
  'high_below_low',
  'open_outside_range',
  'close_outside_range',
  'duplicate',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Loaded, but marked: a row can carry several flags. */
export const QUALITY_FLAGS = [
  'missing_open',
  'missing_high',
  'missing_low',
  'missing_volume',
  'zero_volume',
  // The row has more fields than its header: the extra values are not loaded.
  'extra_fields',
] as const;
export type QualityFlag = (typeof QUALITY_FLAGS)[number];

/** A validated daily bar, as it is staged and loaded. Dates are ISO `YYYY-MM-DD`. */
export interface PriceBar {
  symbol: string;
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adjClose: number | null;
  volume: number | null;
  flags: QualityFlag[];
}

/** Row accounting of a run or a batch: rowsRead === rowsLoaded + rowsRejected + rowsFiltered, exactly. */
export interface RowCounts {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rejectedByReason: Partial<Record<RejectReason, number>>;
  rowsFlagged: Partial<Record<QualityFlag, number>>;
  /** Valid rows outside the requested [from, to] range. */
  rowsFiltered: number;
  /**
   * Files (or parts of files) that could not be read at all, each with why; their rows are in no count above.
   * Absent when there are none. At most MAX_FILE_FAILURES are kept (see `fileFailuresOmitted`).
   */
  fileFailures?: FileFailure[];
  /** How many file failures were left out of `fileFailures` to keep the payload small. */
  fileFailuresOmitted?: number;
}

/** A file that could not be read: the others of its folder or batch still load. */
export interface FileFailure {
  /** The file's path as given (or found in the folder); for Stooq, the symbol that could not be fetched. */
  file: string;
  /** A FAILURE_TYPES value. */
  type: string;
  /** Truncated to a few KB. */
  message: string;
}

/** Enough to see what went wrong in a folder of bad files, small enough for any workflow payload. */
export const MAX_FILE_FAILURES = 100;

/** What `POST /v1/runs/prices` accepts; also the workflow's input. */
export interface IngestPricesRequest {
  source: PriceSource;
  /** csv: a file or a folder of CSV files, inside one of IMPORT_ROOTS. */
  path?: string;
  /** csv: the symbol of a file that has no symbol column (else taken from the file name). */
  symbol?: string;
  /** An HTTP provider (stooq, yahoo, alphavantage, tiingo): the symbols to fetch; csv: only these symbols are read. */
  symbols?: string[];
  from?: string;
  to?: string;
  /** Symbols per batch (one child workflow each). */
  batchSize?: number;
}

export const DEFAULT_BATCH_SIZE = 50;
export const MAX_BATCH_SIZE = 1000;
export const DEFAULT_CONCURRENT_BATCHES = 4;

/** A stored object: S3 is the claim check, workflows carry only these references. */
export interface ObjectRef {
  key: string;
  sha256: string;
  bytes: number;
}

/** One raw object of a batch; `symbol` is set when the object's layout has no symbol column. */
export interface RawPart extends ObjectRef {
  symbol?: string;
  /** Where it came from: a file path or a URL, for lineage. */
  origin: string;
  /**
   * Set when planning found the file unreadable, or a Stooq symbol could not be fetched (nothing was archived: key,
   * sha256 and bytes are empty). The batch's transform reports it in `fileFailures` and skips it, so one bad file
   * in a folder, or one bad symbol in a batch, fails only itself.
   */
  failure?: { type: string; message: string };
  /** How the raw object is read when it is not price CSV: a provider's JSON, turned into CSV rows by domain code. */
  format?: RawFormat;
  /**
   * The provider that answered, set when the run's source is `auto`: its rows are loaded with this as their
   * `source`, not "auto". Absent otherwise (every row is from the run's source).
   */
  provider?: PriceProvider;
}

/**
 * Raw formats other than CSV; each has a pure converter in domain/prices (see `RAW_FORMAT_READERS`).
 * `alphavantage-daily` is its JSON or its CSV answer (`datatype=csv`), told apart by the body.
 */
export type RawFormat = 'yahoo-chart-json' | 'alphavantage-daily' | 'tiingo-daily-json';

/** A unit of work: a group of symbols that is collected, transformed and loaded together. */
export interface PlannedBatch {
  /** Stable within a run: `b0001`, `b0002`, … */
  batchKey: string;
  symbols: string[];
  /** Present when planning already archived the raw data (local files); absent for remote sources. */
  parts?: RawPart[];
  /** `auto` only: the providers to try for each symbol, in order (PRICE_PROVIDER_ORDER when the run was planned). */
  providers?: PriceProvider[];
}

/** `auto` only: which provider served each symbol, symbols sorted; a provider that served none is left out. */
export type SymbolsByProvider = Partial<Record<PriceProvider, string[]>>;

export interface LoadCounts {
  rowsInserted: number;
  rowsUpdated: number;
  rowsUnchanged: number;
  /** Symbols that had rows inserted or updated (absent in results recorded before it existed). */
  changedSymbols?: string[];
}

export interface IngestPricesResult extends RowCounts, LoadCounts, BatchedRunTotals {
  /** `auto` runs: the provider each loaded symbol came from. */
  symbolsByProvider?: SymbolsByProvider;
}

export interface IngestProgress extends BatchedRunProgress {
  rowsLoaded: number;
  rowsRejected: number;
}
