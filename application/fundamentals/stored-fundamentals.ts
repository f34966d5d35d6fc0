import type { Pool } from 'pg';
import type { FundamentalsJson } from '../../domain/finance/fundamentals';
import { cikOfSymbol, readCompanyFactsAsOf } from '../../infra/repositories/fundamentals-read';
import { fundamentalsDocument, fundamentalsReportOf, type FundamentalsAsOf } from './fundamentals-document';

/** Why there is no document: `not_found` (no such security or company loaded) or `no_filing` (no 10-K by then). */
export interface NoFundamentals {
  reason: string;
  code: 'not_found' | 'no_filing';
}

export type StoredFundamentals = FundamentalsJson | NoFundamentals;

export const isNoFundamentals = (value: StoredFundamentals): value is NoFundamentals => 'reason' in value;

/** The `iby fundamentals --json` document of a company from the point-in-time facts in Postgres. */
export async function companyFundamentalsAsOf(
  db: Pick<Pool, 'query'>,
  cik: number,
  options: FundamentalsAsOf,
): Promise<StoredFundamentals> {
  // CIKs are stored as Postgres integers: a larger one (10 digits are allowed in a path) cannot have been loaded.
  if (cik > 2_147_483_647) return { code: 'not_found', reason: `no fundamentals loaded for CIK ${cik}` };
  const facts = await readCompanyFactsAsOf(db, cik, options.asOf);
  if (!facts) return { code: 'not_found', reason: `no fundamentals loaded for CIK ${cik}` };
  const outcome = fundamentalsReportOf(facts, options);
  return 'reason' in outcome ? { code: 'no_filing', reason: outcome.reason } : fundamentalsDocument(outcome.report);
}

/** The same document for a security, through the CIK its ticker is linked to (`securities.cik`). */
export async function securityFundamentalsAsOf(
  db: Pick<Pool, 'query'>,
  symbol: string,
  options: FundamentalsAsOf,
): Promise<StoredFundamentals> {
  const cik = await cikOfSymbol(db, symbol);
  if (cik === undefined) return { code: 'not_found', reason: `no security with symbol ${symbol}` };
  if (cik === null)
    return { code: 'not_found', reason: `security ${symbol} has no CIK (load fundamentals with tickers)` };
  return companyFundamentalsAsOf(db, cik, options);
}

/**
 * For the analysis: the fundamentals document of `symbol` as of a date, priced at `price` (the close on that
 * date), or the reason there is none.
 */
export function fundamentalsReportAsOf(
  db: Pick<Pool, 'query'>,
  symbol: string,
  asOf: string,
  price?: number,
): Promise<FundamentalsJson | { reason: string }> {
  return securityFundamentalsAsOf(db, symbol, { asOf, price });
}
