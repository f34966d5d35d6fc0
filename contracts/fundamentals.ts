/** Vocabulary of the fundamentals ETL (SEC companyfacts), shared by the API, the workflows and the activities. */
import type { ObjectRef, RawPart } from './prices';
import type { BatchedRunTotals } from './runs';

/** `file`: companyfacts JSON on the server (a file or a folder of them); `sec`: the SEC API over HTTP. */
export const FUNDAMENTALS_SOURCES = ['file', 'sec'] as const;
export type FundamentalsSource = (typeof FUNDAMENTALS_SOURCES)[number];

/** What `POST /v1/runs/fundamentals` accepts (after normalising); also the workflow's input. */
export interface IngestFundamentalsRequest {
  source: FundamentalsSource;
  /** file: a companyfacts JSON file or a folder of them, inside one of IMPORT_ROOTS. */
  path?: string;
  /** file: a `company_tickers.json`-format file inside IMPORT_ROOTS that maps CIKs to symbols. */
  tickers?: string;
  /** sec: the symbols to fetch, mapped to CIKs through SEC's company_tickers.json. */
  symbols?: string[];
  /** sec: companies to fetch by CIK, with or without a symbol. */
  ciks?: number[];
  /** Companies per batch (one child workflow each). */
  batchSize?: number;
}

export const DEFAULT_FUNDAMENTALS_BATCH_SIZE = 10;

/**
 * Why a reported fact was not loaded, one reason per fact (the first that applies). Real SEC documents have none;
 * the reasons exist so a damaged or hand-edited file is accounted for exactly instead of failing the batch.
 */
export const FACT_REJECT_REASONS = [
  'not_an_object',
  'missing_value',
  'invalid_value',
  'missing_end',
  'missing_filed',
  'missing_accn',
  'invalid_date',
  'duplicate',
] as const;
export type FactRejectReason = (typeof FACT_REJECT_REASONS)[number];

/** A batch's or a run's fact accounting: factsRead === factsInserted + factsUpdated + factsUnchanged + factsRejected. */
export interface FactCounts {
  factsRead: number;
  factsRejected: number;
  rejectedByReason: Partial<Record<FactRejectReason, number>>;
  /** Valid facts handed to the load (inserted + updated + unchanged). */
  factsStaged: number;
}

export interface FactLoadCounts {
  /** New facts: a (company, concept, unit, period, accession) not stored before. */
  factsInserted: number;
  /** Same fact, but SEC changed a descriptive field (typically `frame`, which moves to the newest copy). */
  factsUpdated: number;
  factsUnchanged: number;
}

/** A CIK ↔ ticker pair from a company_tickers.json file. */
export interface CompanyTicker {
  cik: number;
  symbol: string;
  title: string;
}

/** A company whose facts a batch loads, with the tickers mapped to it (empty without a tickers file). */
export interface CompanyLoaded {
  cik: number;
  entityName: string;
  tickers: CompanyTicker[];
}

/** One raw companyfacts document of a batch. */
export interface CompanyFactsPart extends RawPart {
  /** Known before reading for the sec source (the CIK that was fetched); read from the document otherwise. */
  cik?: number;
}

export interface PlannedFundamentalsBatch {
  /** Stable within a run: `b0001`, `b0002`, … */
  batchKey: string;
  /**
   * Who the batch is about, for progress and failures by symbol: sec: the requested symbols (or `CIK##########`
   * for a company asked for by CIK); file: `CIK##########` from each file name, else the file name.
   */
  symbols: string[];
  /** sec: the companies to fetch; file: empty (the CIKs are inside the archived documents). */
  ciks: number[];
  /** file: archived while planning. */
  parts?: CompanyFactsPart[];
  /** The run's archived tickers file (file: the request's, sec: SEC's), or null; the same on every batch. */
  tickers: ObjectRef | null;
  /** sec: requested symbols that company_tickers.json does not know; such a batch fails as UnknownSymbol. */
  unknownSymbols?: string[];
}

export interface IngestFundamentalsBatchResult extends FactCounts, FactLoadCounts {
  batchKey: string;
  ciks: number[];
}

export const emptyFactCounts = (): FactCounts & FactLoadCounts => ({
  factsRead: 0,
  factsRejected: 0,
  rejectedByReason: {},
  factsStaged: 0,
  factsInserted: 0,
  factsUpdated: 0,
  factsUnchanged: 0,
});

/** Adds `from` into `into` (mutates it): documents add up to a batch, batches to a run. */
export function addFactCounts(into: FactCounts & Partial<FactLoadCounts>, from: FactCounts & Partial<FactLoadCounts>) {
  into.factsRead += from.factsRead;
  into.factsRejected += from.factsRejected;
  into.factsStaged += from.factsStaged;
  for (const [reason, n] of Object.entries(from.rejectedByReason) as [FactRejectReason, number][]) {
    into.rejectedByReason[reason] = (into.rejectedByReason[reason] ?? 0) + n;
  }
  if (from.factsInserted !== undefined) into.factsInserted = (into.factsInserted ?? 0) + from.factsInserted;
  if (from.factsUpdated !== undefined) into.factsUpdated = (into.factsUpdated ?? 0) + from.factsUpdated;
  if (from.factsUnchanged !== undefined) into.factsUnchanged = (into.factsUnchanged ?? 0) + from.factsUnchanged;
}

/** SEC's own spelling of a CIK in URLs and file names: `CIK0000320193`. */
export const paddedCik = (cik: number): string => `CIK${String(cik).padStart(10, '0')}`;

/** A fundamentals run's result: the batched-run totals plus the exact fact accounting. */
export interface IngestFundamentalsResult extends BatchedRunTotals, FactCounts, FactLoadCounts {
  /** Companies loaded (a failed batch's are not counted). */
  companies: number;
}

/** The fundamentals run's own fields of the `progress` query. */
export interface FundamentalsProgressFields {
  factsRead: number;
  factsInserted: number;
  factsRejected: number;
}
