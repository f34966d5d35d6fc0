import {
  computeFundamentals,
  NoAnnualFilingError,
  toFundamentalsJson,
  type CompanyFacts,
  type FundamentalsJson,
  type FundamentalsReport,
} from '../../domain/finance/fundamentals';

export interface FundamentalsAsOf {
  /** YYYY-MM-DD: only filings filed on or before it count. */
  asOf: string;
  /** Share price for the market-value ratios (P/E, P/B, P/S, yields); without it they are null with a reason. */
  price?: number;
}

/** A report, or why there is none (no 10-K filed yet by the date). */
export type FundamentalsOutcome = { report: FundamentalsReport } | { reason: string };

/** The one way fundamentals are computed, whether the facts come from a file (CLI) or from Postgres (API, analysis). */
export function fundamentalsReportOf(facts: CompanyFacts, { asOf, price }: FundamentalsAsOf): FundamentalsOutcome {
  try {
    return { report: computeFundamentals(facts, { asOf, price }) };
  } catch (error) {
    if (error instanceof NoAnnualFilingError) return { reason: error.message };
    throw error;
  }
}

/** The `iby fundamentals --json` document. */
export const fundamentalsDocument = (report: FundamentalsReport): FundamentalsJson => toFundamentalsJson(report);
