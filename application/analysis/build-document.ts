/**
 * The one way an analysis document is built from bars: the CLI, the analysis activities and the bench call it.
 * Window and frequency first, then the library (indicators, risk against the benchmark, trend), then the
 * fundamentals as of the date.
 */
import type { AnalysisDocument, BenchmarkUsed, LineageBatch, RiskFreeUsed } from '../../contracts/analysis';
import type { QualityFlag } from '../../contracts/prices';
import type { RecordedAction } from '../../domain/corporate-actions';
import { DEFAULT_INDICATORS } from '../../domain/finance/indicators';
import { InsufficientDataError, MIN_RETURNS } from '../../domain/finance/risk';
import { analyzeBars, type Analysis } from './analyze-bars';
import { riskFreeRates, type RiskFreeSource } from './risk-free-rates';
import { toAnalyzeJson } from './analyze-json';
import { selectFrequency, type OriginBar } from './frequency';
import { noFundamentals, type FundamentalsSource } from './fundamentals-source';

/** The fewest bars for which every metric is defined: prices for MIN_RETURNS returns. */
export const MIN_BARS = MIN_RETURNS + 1;

export interface SymbolSeries {
  symbol: string;
  /** Any order; each bar may name the load it came from (`origin`) for the frequency rule. */
  bars: readonly OriginBar[];
  /** The ledger batches whose rows these bars are. */
  lineage?: LineageBatch[];
  /** Recorded splits and dividends: with a dividend among the bars, risk is measured on the total-return series. */
  actions?: readonly RecordedAction[];
}

export interface BuildDocumentInput {
  series: SymbolSeries;
  benchmark?: SymbolSeries | null;
  indicators?: readonly string[];
  /** Overrides the periods a year inferred from the dates (`iby analyze --periods-per-year`). */
  periodsPerYear?: number;
  /** Bars after `asOf` are left out; the default is the last bar's date. */
  asOf?: string;
  from?: string;
  to?: string;
}

export interface BuiltAnalysis {
  document: AnalysisDocument;
  /** The library's own result, for the text report and the chart renderer. */
  analysis: Analysis;
  /** The bars analysed (one frequency, ascending) and the benchmark's over the same window: what the charts draw. */
  bars: OriginBar[];
  benchmarkBars: SymbolSeries | null;
}

export interface BuildDocumentDeps {
  fundamentals?: FundamentalsSource;
  /** The yields of a risk-free series as known on a date; a risk-free rate of 0 when absent. */
  riskFree?: RiskFreeSource;
}

const inWindow = (bars: readonly OriginBar[], from?: string, to?: string): OriginBar[] =>
  bars.filter((b) => (from === undefined || b.date >= from) && (to === undefined || b.date <= to));

const minDate = (a?: string, b?: string): string | undefined =>
  a === undefined ? b : b === undefined || a < b ? a : b;

/** Throws InsufficientDataError (its message names the symbol) when the window holds too few bars. */
export async function buildAnalysisDocument(
  input: BuildDocumentInput,
  deps: BuildDocumentDeps = {},
): Promise<BuiltAnalysis> {
  const { series } = input;
  const to = minDate(input.to, input.asOf);
  const windowed = inWindow(series.bars, input.from, to);
  if (windowed.length < MIN_BARS) {
    throw new InsufficientDataError(`too few bars for ${series.symbol}: ${windowed.length}, need at least ${MIN_BARS}`);
  }
  const chosen = selectFrequency(windowed);
  if (chosen.bars.length < MIN_BARS) {
    throw new InsufficientDataError(
      `too few ${chosen.frequency} bars for ${series.symbol}: ${chosen.bars.length}, need at least ${MIN_BARS}`,
    );
  }
  const benchmark = benchmarkBars(input.benchmark, input.from, to);
  const last = chosen.bars[chosen.bars.length - 1];
  const asOf = input.asOf ?? last.date;
  const periodsPerYear = input.periodsPerYear ?? chosen.periodsPerYear;
  // The yields as they were known on the analysis date: a later revision cannot change a past analysis.
  const riskFree = deps.riskFree
    ? await riskFreeRates(
        deps.riskFree,
        asOf,
        chosen.bars.map((b) => b.date),
        periodsPerYear,
      )
    : undefined;
  const analysis = analyzeBars(series.symbol, chosen.bars, {
    indicators: input.indicators ?? DEFAULT_INDICATORS,
    periodsPerYear,
    benchmark: benchmark?.bars,
    actions: series.actions,
    benchmarkActions: input.benchmark?.actions,
    riskFree: riskFree?.rates,
  });
  const fundamentals = await (deps.fundamentals ?? noFundamentals()).reportAsOf(series.symbol, asOf, last.close);
  return {
    analysis,
    bars: chosen.bars,
    benchmarkBars: benchmark && { symbol: benchmark.used.symbol, bars: benchmark.bars },
    document: {
      ...toAnalyzeJson(analysis),
      asOf,
      frequency: chosen.frequency,
      benchmark: benchmark?.used ?? null,
      ...(riskFree ? { riskFree: riskFree.used satisfies RiskFreeUsed } : {}),
      riskPriceField: analysis.riskPriceField,
      fundamentals: fundamentals.report,
      fundamentalsReason: fundamentals.reason,
      charts: {},
      reportUrl: null,
      inputs: {
        bars: chosen.bars.length,
        flags: countFlags(chosen.bars),
        excluded: chosen.excluded,
        lineage: usedLineage(series.lineage, chosen.bars),
        benchmarkLineage: benchmark ? usedLineage(input.benchmark?.lineage, benchmark.bars) : [],
      },
    },
  };
}

/** The benchmark over the same window, on one frequency of its own. Too few bars go through as they are, and the
 * library says there are too few common dates. */
function benchmarkBars(
  benchmark: SymbolSeries | null | undefined,
  from?: string,
  to?: string,
): { bars: OriginBar[]; used: BenchmarkUsed } | null {
  if (!benchmark) return null;
  const windowed = inWindow(benchmark.bars, from, to);
  const bars = windowed.length < 2 ? windowed : selectFrequency(windowed).bars;
  return {
    bars,
    used: { symbol: benchmark.symbol, bars: bars.length, from: bars[0]?.date ?? '', to: bars.at(-1)?.date ?? '' },
  };
}

/** The batches of the loads whose bars were used: a load left out by the frequency rule is not lineage. Bars from
 * Postgres name their load `source|workflowId`; bars without an origin (a file) keep the whole lineage. */
function usedLineage(lineage: LineageBatch[] | undefined, bars: readonly OriginBar[]): LineageBatch[] {
  if (!lineage) return [];
  const origins = new Set(bars.map((b) => b.origin));
  if (origins.has(undefined)) return lineage;
  return lineage.filter((batch) => origins.has(`${batch.source}|${batch.workflowId}`));
}

function countFlags(bars: readonly OriginBar[]): Partial<Record<QualityFlag, number>> {
  const counts: Partial<Record<QualityFlag, number>> = {};
  for (const bar of bars) for (const flag of bar.flags) counts[flag] = (counts[flag] ?? 0) + 1;
  return counts;
}
