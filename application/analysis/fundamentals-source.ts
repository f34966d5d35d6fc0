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

/**
 * Adapts a lookup that answers the document or `{ reason }` (the fundamentals read path over Postgres) to the port.
 * Wiring the stored facts in is then `fundamentals: fundamentalsFrom((s, d, p) => fundamentalsReportAsOf(db, s, d, p))`.
 */
export function fundamentalsFrom(
  lookup: (symbol: string, asOf: string, price?: number) => Promise<FundamentalsJson | { reason: string }>,
): FundamentalsSource {
  return {
    async reportAsOf(symbol, asOf, price) {
      const found = await lookup(symbol, asOf, price ?? undefined);
      return 'reason' in found ? { report: null, reason: found.reason } : { report: found, reason: null };
    },
  };
}
