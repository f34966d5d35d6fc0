import type { FactRejectReason } from '../../contracts';
import { isIsoDate, type Fact } from '../../domain/finance/fundamentals';

/**
 * Storage rules on top of the parser's: dates must be real calendar dates (Postgres would fail the whole COPY on
 * one bad date) and values finite (`1e999` parses to Infinity).
 */
export function storageRejectReason(fact: Fact): FactRejectReason | undefined {
  if (!Number.isFinite(fact.value)) return 'invalid_value';
  if (!isIsoDate(fact.end) || !isIsoDate(fact.filed) || (fact.start !== null && !isIsoDate(fact.start))) {
    return 'invalid_date';
  }
  return undefined;
}

/** The stored natural key: one filing's statement of one concept, unit and period for one company. */
export const factKey = (cik: number, fact: Fact): string =>
  [cik, fact.taxonomy, fact.concept, fact.unit, fact.end, fact.start ?? '', fact.accn].join('\u0000');
