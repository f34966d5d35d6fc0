/** The port through which an analysis gets its fundamentals ratios as of a date. */
import type { FundamentalsJson } from '../../domain/finance/fundamentals';

/** The `iby fundamentals --json` document, or null with the reason. */
export type FundamentalsLookup = { report: FundamentalsJson; reason: null } | { report: null; reason: string };

export interface FundamentalsSource {
  /** Ratios from filings with `filed <= asOf`, valued at `price` (the close on `asOf`; null when there is none). */
  reportAsOf(symbol: string, asOf: string, price: number | null): Promise<FundamentalsLookup>;
}

/** Until fundamentals are loaded into Postgres, every lookup answers null with this reason. */
export function noFundamentals(reason = 'no fundamentals loaded'): FundamentalsSource {
  return { reportAsOf: () => Promise.resolve({ report: null, reason }) };
}
