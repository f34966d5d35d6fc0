/**
 * Analyse a batch of symbols: the benchmark's bars are read once, then per symbol read its bars, build the
 * document, render its artifacts, store it and warm the cache. A symbol the library cannot analyse (too few bars,
 * no common dates with the benchmark) is reported with the reason and the others go on; an I/O failure fails the
 * batch so it is retried, and a retry resumes after the last stored symbol.
 */
import type {
  AnalysisDocument,
  AnalyzedSymbol,
  AnalyzeSymbolsInput,
  AnalyzeSymbolsResult,
  StoredAnalysisDocument,
} from '../../contracts/analysis';
import type { AnalysisBars } from '../../infra/repositories/analysis-bars';
import type { AnalysisResultRow } from '../../infra/repositories/analysis-results';
import type { Analysis } from './analyze-bars';
import { chartUrl, reportUrl } from './artifact-urls';
import { latestValuesView } from './document-view';
import { buildAnalysisDocument, type BuiltAnalysis, type SymbolSeries } from './build-document';
import type { OriginBar } from './frequency';
import type { FundamentalsSource } from './fundamentals-source';
import type { YieldObservation } from '../../domain/macro';
import { MACRO_SOURCE } from '../../contracts/macro';
import type { RiskFreeSource } from './risk-free-rates';

/** What rendering produced: chart name → object key, and the report's key. */
export interface ArtifactKeys {
  charts: Record<string, string>;
  report: string | null;
}

/** What the renderer gets for one symbol: the document, the library's result, and the bars behind them. */
export interface RenderInput {
  document: AnalysisDocument;
  analysis: Analysis;
  bars: readonly OriginBar[];
  benchmark: SymbolSeries | null;
  /** The analysis run whose stored row these are drawn for: each object carries it, so a reader can tell. */
  analysisRunId: string;
}

/** The chart and report renderer's place in the batch. */
export type RenderArtifacts = (input: RenderInput) => Promise<ArtifactKeys>;

/** Until a renderer is wired in, nothing is rendered and the document lists no charts. */
export const renderNoArtifacts: RenderArtifacts = () => Promise.resolve({ charts: {}, report: null });

export interface AnalyzeSymbolsDeps {
  readBars(symbol: string, to?: string): Promise<AnalysisBars>;
  fundamentals: FundamentalsSource;
  /** A macro series' yields as known on a date, for a request that names `riskFreeSeries`. */
  riskFreeYields?(seriesId: string, asOf: string): Promise<YieldObservation[]>;
  renderArtifacts: RenderArtifacts;
  store(row: AnalysisResultRow): Promise<void>;
  /** Refreshes the API's cached view of the symbol (given the row just stored); a cache failure never fails the batch. */
  warm(symbol: string, stored: AnalysisResultRow): Promise<unknown>;
  /** Called after each symbol with the result so far and the index of the next symbol (the resume point). */
  progress?(next: number, partial: AnalyzeSymbolsResult): void;
}

export interface Resume {
  next: number;
  partial: AnalyzeSymbolsResult;
}

export async function analyzeSymbols(
  deps: AnalyzeSymbolsDeps,
  input: AnalyzeSymbolsInput,
  resume?: Resume,
): Promise<AnalyzeSymbolsResult> {
  const to = earliest(input.to, input.asOf);
  const result: AnalyzeSymbolsResult = resume?.partial ?? {
    batchKey: input.batchKey,
    analysed: [],
    failures: [],
    barsRead: 0,
  };
  let benchmark: SymbolSeries | null = null;
  if (input.benchmark !== null) {
    const read = await deps.readBars(input.benchmark, to);
    benchmark = { symbol: input.benchmark, ...read };
  }
  for (let i = resume?.next ?? 0; i < input.symbols.length; i++) {
    const symbol = input.symbols[i];
    const { bars, lineage, actions } = await deps.readBars(symbol, to);
    result.barsRead += bars.length;
    const built = await build(deps, input, { symbol, bars, lineage, actions }, benchmark);
    if ('reason' in built) {
      result.failures.push({ symbol, reason: built.reason });
    } else {
      result.analysed.push(await persist(deps, input, built));
    }
    deps.progress?.(i + 1, result);
  }
  return result;
}

async function build(
  deps: AnalyzeSymbolsDeps,
  input: AnalyzeSymbolsInput,
  series: SymbolSeries,
  benchmark: SymbolSeries | null,
): Promise<BuiltAnalysis | { reason: string }> {
  try {
    return await buildAnalysisDocument(
      { series, benchmark, asOf: input.asOf, from: input.from, to: input.to },
      { fundamentals: deps.fundamentals, riskFree: riskFreeSource(deps, input) },
    );
  } catch (error) {
    // Reading the yields is I/O: its failure fails the batch, which is retried, instead of failing the symbol.
    if (error instanceof RiskFreeReadError) throw error.cause;
    // The library refuses this symbol's data; the batch goes on. Its errors carry no I/O, so a retry would not help.
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

async function persist(
  deps: AnalyzeSymbolsDeps,
  input: AnalyzeSymbolsInput,
  built: BuiltAnalysis,
): Promise<AnalyzedSymbol> {
  const keys = await deps.renderArtifacts({
    document: built.document,
    analysis: built.analysis,
    bars: built.bars,
    benchmark: built.benchmarkBars,
    analysisRunId: input.analysisRunId,
  });
  // The stored document names what was rendered, as the API serves it, and keeps each indicator's latest value.
  const document: StoredAnalysisDocument = latestValuesView({
    ...built.document,
    charts: Object.fromEntries(Object.keys(keys.charts).map((name) => [name, chartUrl(built.document.symbol, name)])),
    reportUrl: keys.report ? reportUrl(built.document.symbol) : null,
  });
  const row: AnalysisResultRow = {
    symbol: document.symbol,
    asOf: document.asOf,
    windowFrom: document.from,
    windowTo: document.to,
    benchmark: document.benchmark?.symbol ?? 'none',
    frequency: document.frequency,
    document,
    chartKeys: keys.charts,
    reportKey: keys.report,
    inputLineage: { symbol: document.inputs.lineage, benchmark: document.inputs.benchmarkLineage },
    analysisWorkflowId: input.analysisWorkflowId,
    analysisRunId: input.analysisRunId,
  };
  await deps.store(row);
  await deps.warm(document.symbol, row).catch(() => undefined);
  return {
    symbol: document.symbol,
    asOf: document.asOf,
    bars: document.bars,
    chartKeys: keys.charts,
    reportKey: keys.report,
  };
}

const earliest = (a?: string, b?: string): string | undefined =>
  a === undefined ? b : b === undefined || a < b ? a : b;

class RiskFreeReadError extends Error {
  constructor(readonly cause: unknown) {
    super('could not read the risk-free series');
  }
}

function riskFreeSource(deps: AnalyzeSymbolsDeps, input: AnalyzeSymbolsInput): RiskFreeSource | undefined {
  const seriesId = input.riskFreeSeries;
  if (seriesId === undefined) return undefined;
  const read = deps.riskFreeYields?.bind(deps);
  if (!read) throw new Error(`this analysis cannot read macro series, so not the risk-free series ${seriesId}`);
  return {
    seriesId,
    source: MACRO_SOURCE,
    yieldsAsOf: (asOf) =>
      read(seriesId, asOf).catch((err: unknown) => {
        throw new RiskFreeReadError(err);
      }),
  };
}
