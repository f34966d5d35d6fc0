import type { Fact } from './company-facts';
import { isAnnualDuration } from './dates';

/** A 10-K (or a 10-K/A that carries restated statements) and the fiscal period it covers. */
export interface AnnualFiling {
  accn: string;
  form: string;
  fy: number | null;
  filed: string;
  periodEnd: string;
}

/**
 * 10-K/A counts as an annual filing only when it carries its own annual-duration facts, i.e. restated financial
 * statements (Apple's 2010 10-K/A for FY2009). Part III-only amendments carry no financial facts and never appear.
 */
const ANNUAL_FORMS = new Set(['10-K', '10-K/A']);

/**
 * companyfacts has no DocumentPeriodEndDate, so the fiscal period end of a filing is the latest end date of the
 * annual-duration facts it reports (its current-year column; comparatives end earlier). Ends after the filing date
 * would be forward-looking and are ignored.
 */
export function annualFilings(facts: readonly Fact[]): AnnualFiling[] {
  const byAccn = new Map<string, AnnualFiling>();
  for (const fact of facts) {
    if (!ANNUAL_FORMS.has(fact.form) || !isAnnualDuration(fact.start, fact.end) || fact.end > fact.filed) continue;
    const filing = byAccn.get(fact.accn);
    if (!filing) {
      byAccn.set(fact.accn, { accn: fact.accn, form: fact.form, fy: fact.fy, filed: fact.filed, periodEnd: fact.end });
    } else if (fact.end > filing.periodEnd) {
      filing.periodEnd = fact.end;
    }
  }
  return [...byAccn.values()].sort((a, b) => a.filed.localeCompare(b.filed) || a.accn.localeCompare(b.accn));
}

/** The filing covering the most recent fiscal year among those filed by `asOf`; an amendment beats its original. */
export function latestAnnualFilingAsOf(filings: readonly AnnualFiling[], asOf: string): AnnualFiling | undefined {
  let latest: AnnualFiling | undefined;
  for (const filing of filings) {
    if (filing.filed > asOf) continue;
    if (
      !latest ||
      filing.periodEnd > latest.periodEnd ||
      (filing.periodEnd === latest.periodEnd && filing.filed >= latest.filed)
    ) {
      latest = filing;
    }
  }
  return latest;
}
