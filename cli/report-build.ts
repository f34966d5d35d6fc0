/**
 * The files of `iby report`: analyse the bars as `iby analyze` does, then hand everything to the report module.
 * Fundamentals that cannot be computed do not stop the report: the tearsheet says why they are missing.
 */
import { readFile } from 'node:fs/promises';
import { CHART_NAMES } from '../domain/charts';
import {
  CompanyFactsFormatError,
  computeFundamentals,
  NoAnnualFilingError,
  parseCompanyFactsJson,
  toFundamentalsJson,
  type FundamentalsJson,
} from '../domain/finance/fundamentals';
import { inferPeriodsPerYear, InsufficientDataError, MIN_RETURNS } from '../domain/finance/risk';
import { buildSymbolReport, type AnalysisDocumentView } from '../domain/report';
import { analyzeBars } from '../application/analysis/analyze-bars';
import { toAnalyzeJson } from '../application/analysis/analyze-json';
import { readSymbolBars } from './analyze-prices';
import type { PriceBar } from '../contracts/prices';

export interface ReportArgs {
  file: string;
  symbol?: string;
  benchmark?: string;
  fundamentals?: string;
  asOf?: string;
  out: string;
}

const MIN_BARS = MIN_RETURNS + 1;

/** The analysis document of some bars; the report reads risk and trend, so no indicator series are computed. */
function analysisDocument(symbol: string, bars: PriceBar[], benchmark?: PriceBar[]): AnalysisDocumentView {
  const analysis = analyzeBars(symbol, bars, {
    indicators: [],
    periodsPerYear: inferPeriodsPerYear(bars.map((b) => b.date)),
    benchmark,
  });
  const doc = toAnalyzeJson(analysis);
  return {
    ...doc,
    symbol,
    riskPriceField: analysis.riskPriceField,
    risk: doc.risk,
    trend: doc.trend,
  };
}

async function fundamentalsOf(
  file: string | undefined,
  asOf: string,
  bars: readonly PriceBar[],
): Promise<{ doc: FundamentalsJson | null; missing: string | null }> {
  if (file === undefined) return { doc: null, missing: 'no fundamentals file was given (--fundamentals)' };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { doc: null, missing: `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}` };
  }
  // The market price on the as-of date: the last close on or before it.
  const priced = bars.filter((b) => b.date <= asOf);
  const price = priced.length > 0 ? priced[priced.length - 1].close : undefined;
  try {
    return {
      doc: toFundamentalsJson(computeFundamentals(parseCompanyFactsJson(text), { asOf, price })),
      missing: null,
    };
  } catch (error) {
    if (error instanceof CompanyFactsFormatError || error instanceof NoAnnualFilingError) {
      return { doc: null, missing: error.message };
    }
    throw error;
  }
}

export async function buildReportFiles(
  args: ReportArgs,
): Promise<{ files: Record<string, string>; warnings: string[] }> {
  const warnings: string[] = [];
  const own = await readSymbolBars(args.file, args.symbol);
  if (own.rejected > 0) warnings.push(`${args.file}: ${own.rejected} invalid rows left out`);
  if (own.bars.length < MIN_BARS) {
    throw new InsufficientDataError(
      `${args.file}: too few bars for ${own.symbol}: ${own.bars.length}, need at least ${MIN_BARS}`,
    );
  }
  const bench = args.benchmark === undefined ? undefined : await readSymbolBars(args.benchmark);
  const asOf = args.asOf ?? own.bars[own.bars.length - 1].date;
  const fundamentals = await fundamentalsOf(args.fundamentals, asOf, own.bars);
  if (fundamentals.missing !== null && args.fundamentals !== undefined) warnings.push(fundamentals.missing);
  const report = buildSymbolReport({
    analysis: { ...analysisDocument(own.symbol, own.bars, bench?.bars), asOf },
    bars: own.bars,
    benchmark: bench && {
      symbol: bench.symbol,
      bars: bench.bars,
      risk: analysisDocument(bench.symbol, bench.bars).risk,
    },
    fundamentals: fundamentals.doc,
    fundamentalsMissing: fundamentals.missing,
    rejected: { total: own.rejected, byReason: {} },
    notes: [`source file: ${args.file}`],
  });
  const files: Record<string, string> = {};
  for (const name of CHART_NAMES) files[`${name}.svg`] = report.charts[name];
  files['tearsheet.html'] = report.html;
  return { files, warnings };
}
