/** Vocabulary of the analysis service: the analysis document (one shape for CLI, API and storage) and the
 * inputs and outputs of the analysis workflows and activities. */
import type { FundamentalsJson } from '../domain/finance/fundamentals';
import type { QualityFlag } from './prices';

/** JSON has no NaN or Infinity: an undefined value is null. */
export type JsonNumber = number | null;

/** One value per bar, or one such series per part (`macd`, `signal`, `histogram`). */
export type IndicatorSeriesJson = JsonNumber[] | Record<string, JsonNumber[]>;
/** The latest defined value of each series (or of each part). */
export type IndicatorLatestJson = JsonNumber | Record<string, JsonNumber>;

/** The `iby analyze --json` document: these keys, snake_case risk and trend keys, one value per bar in every series. */
export interface AnalyzeJson<I = IndicatorSeriesJson> {
  symbol: string;
  periodsPerYear: number;
  bars: number;
  from: string;
  to: string;
  dates: string[];
  indicators: Record<string, I>;
  risk: Record<string, unknown>;
  trend: Record<string, unknown>;
}

export const ANALYZE_JSON_KEYS = [
  'symbol',
  'periodsPerYear',
  'bars',
  'from',
  'to',
  'dates',
  'indicators',
  'risk',
  'trend',
] as const satisfies readonly (keyof AnalyzeJson)[];

export const FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** Bars of a symbol that were left out because they come from a load of another frequency. */
export interface ExcludedBars {
  origin: string;
  /** Null for a load of one or two bars that fits the chosen frequency nowhere. */
  frequency: Frequency | null;
  bars: number;
  from: string;
  to: string;
}

/** A ledger batch whose rows the analysis used: the run that loaded them, for lineage. */
export interface LineageBatch {
  workflowId: string;
  runId: string;
  batchKey: string;
  source: string;
  loadedAt: string;
}

export interface AnalysisInputs {
  /** Bars analysed (after the frequency rule and the window). */
  bars: number;
  /** Bars carrying each quality flag. */
  flags: Partial<Record<QualityFlag, number>>;
  excluded: ExcludedBars[];
  lineage: LineageBatch[];
  /** The benchmark's lineage, when there is a benchmark. */
  benchmarkLineage: LineageBatch[];
}

export interface BenchmarkUsed {
  symbol: string;
  bars: number;
  from: string;
  to: string;
}

/**
 * The prices risk and return were computed on: `total_return` (closes back-adjusted for recorded splits and
 * dividends), `adj_close` (the provider's adjusted close), `split_adjusted` (closes back-adjusted for recorded splits;
 * no dividend known) or `close` (as stored).
 */
export const RISK_PRICE_FIELDS = ['total_return', 'adj_close', 'split_adjusted', 'close'] as const;
export type RiskPriceField = (typeof RISK_PRICE_FIELDS)[number];

/**
 * The risk-free rate Sharpe, Sortino (and every excess-return metric) were computed with, when the request named a
 * macro series: its yields (annualised percent) as known on `asOf`, each bar's rate the last yield observed on or
 * before the bar, compounded to one period. Absent from a document computed without one (a rate of 0).
 */
export interface RiskFreeUsed {
  series: string;
  source: string;
  /** The series' vintages in force on this day were used (point in time). */
  asOf: string;
  /** The first and last observation dates of the yields used, and how many there were. */
  from: string;
  to: string;
  observations: number;
  conversion: string;
}

/** What the API returns and `analysis_results.document` stores. */
export interface AnalysisDocument<I = IndicatorSeriesJson> extends AnalyzeJson<I> {
  /** Present when a risk-free series was used. */
  riskFree?: RiskFreeUsed;
  asOf: string;
  /** The one frequency the bars were analysed on; bars of other frequencies are listed in `inputs.excluded`. */
  frequency: Frequency;
  benchmark: BenchmarkUsed | null;
  riskPriceField: RiskPriceField;
  /** The `iby fundamentals --json` document as of `asOf` with the close on `asOf` as the price, or null. */
  fundamentals: FundamentalsJson | null;
  /** Why `fundamentals` is null. */
  fundamentalsReason: string | null;
  /** Chart name → URL; empty until charts are rendered. */
  charts: Record<string, string>;
  reportUrl: string | null;
  inputs: AnalysisInputs;
}

/**
 * What `analysis_results.document` stores and the API serves by default: indicators as their latest values. The full
 * series are a pure function of the bars in the stored window, so they are recomputed when asked for
 * (`?series=true`) instead of being stored with every result (about 0.5 MB a symbol a day).
 */
export type StoredAnalysisDocument = AnalysisDocument<IndicatorLatestJson>;

/** `benchmark: "none"` analyses without one. */
export const NO_BENCHMARK = 'none';
export const DEFAULT_BENCHMARK = '^GSPC';

/**
 * When charts and tearsheets are rendered: `eager` by the analysis itself (every symbol's are in S3 when the run
 * ends), or `on-demand` by the API the first time one is asked for (then kept in S3). A daily run over hundreds of
 * symbols whose pages few people open spends its time on the numbers, not on pictures nobody looks at.
 */
export const ARTIFACT_MODES = ['eager', 'on-demand'] as const;
export type ArtifactMode = (typeof ARTIFACT_MODES)[number];
export const DEFAULT_ARTIFACT_MODE: ArtifactMode = 'eager';

/** The request of one batch of the analysis run: symbols, the benchmark (null for none) and the window. */
export interface AnalyzeSymbolsInput {
  symbols: string[];
  benchmark: string | null;
  /** Only bars on or before `asOf` are used; the default is each symbol's last bar. */
  asOf?: string;
  from?: string;
  to?: string;
  /** The analysis run that computed the results, recorded with them. */
  analysisWorkflowId: string;
  analysisRunId: string;
  batchKey: string;
  /** Absent: eager. */
  artifacts?: ArtifactMode;
  /** A loaded macro series of yields in annualised percent (e.g. DGS3MO) for the risk-free rate; absent: 0. */
  riskFreeSeries?: string;
}

/** Keys and counts only: the documents are in Postgres. */
export interface AnalyzedSymbol {
  symbol: string;
  asOf: string;
  bars: number;
  chartKeys: Record<string, string>;
  reportKey: string | null;
}

export interface SymbolFailure {
  symbol: string;
  reason: string;
}

export interface AnalyzeSymbolsResult {
  batchKey: string;
  analysed: AnalyzedSymbol[];
  failures: SymbolFailure[];
  barsRead: number;
}

export type AnalyzeBatchInput = AnalyzeSymbolsInput;
export type AnalyzeBatchResult = AnalyzeSymbolsResult;

/** What `POST /v1/runs/analysis` accepts (normalised); also the `analyze` workflow's input. */
export interface AnalyzeRequest {
  /** Default: every symbol with daily bars. */
  symbols?: string[];
  /** A symbol, `none`, or absent for DEFAULT_BENCHMARK when it has bars (else none). */
  benchmark?: string;
  from?: string;
  to?: string;
  asOf?: string;
  batchSize: number;
  /** Absent: eager. */
  artifacts?: ArtifactMode;
  /** A loaded macro series of yields in annualised percent (e.g. DGS3MO) for the risk-free rate; absent: 0. */
  riskFreeSeries?: string;
}

export const DEFAULT_ANALYSIS_BATCH_SIZE = 25;
export const MAX_ANALYSIS_BATCH_SIZE = 500;

/** One batch of an analysis run, with the benchmark resolved once for the whole run (null: none). */
export interface PlannedAnalysisBatch {
  batchKey: string;
  symbols: string[];
  benchmark: string | null;
}

/** At most this many symbol failures are kept in a run's result: the rest are counted. */
export const MAX_REPORTED_SYMBOL_FAILURES = 200;

export interface AnalyzeTotals {
  symbolsAnalysed: number;
  symbolsFailed: number;
  barsRead: number;
  /** Symbols the library could not analyse, with the reason (the first MAX_REPORTED_SYMBOL_FAILURES). */
  symbolFailures: SymbolFailure[];
}
