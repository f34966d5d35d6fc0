/**
 * The files of `iby report`: read the bars and the fundamentals from files, then assemble the report as the analysis
 * worker does (application/report).
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
import { InsufficientDataError, MIN_RETURNS } from '../domain/finance/risk';
import { analysisViewOfBars, assembleSymbolReport } from '../application/report';
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
  const report = assembleSymbolReport({
    analysis: { ...analysisViewOfBars(own.symbol, own.bars, bench?.bars), asOf },
    bars: own.bars,
    benchmark: bench ? { symbol: bench.symbol, bars: bench.bars } : null,
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
