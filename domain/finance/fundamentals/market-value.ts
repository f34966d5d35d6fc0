import { type Amount, combine, known, missing } from './amount';
import { SHARES_OUTSTANDING_CONCEPT } from './concept-map';
import type { FiscalYearStatement } from './fiscal-year-statement';
import { conceptLabel } from './line-items';
import type { PointInTimeFacts } from './point-in-time-facts';

/**
 * Shares outstanding for market capitalisation: the latest cover-page count (dei:EntityCommonStockSharesOutstanding)
 * known as of the date and dated on or after the fiscal year end; else the year's weighted diluted shares
 * (us-gaap WeightedAverageNumberOfDilutedSharesOutstanding, fallback basic). Companies with several share classes
 * (Alphabet) report the cover count per class only, which companyfacts omits, so they use the fallback.
 */
export function sharesOutstanding(facts: PointInTimeFacts, year: FiscalYearStatement): Amount {
  const cover = facts
    .latest(SHARES_OUTSTANDING_CONCEPT)
    .filter((fact) => fact.unit === 'shares' && fact.start === null && fact.end >= year.end)
    .reduce<{ end: string; value: number } | undefined>(
      (newest, f) => (!newest || f.end > newest.end ? f : newest),
      undefined,
    );
  if (cover) return known(cover.value, [conceptLabel(SHARES_OUTSTANDING_CONCEPT)]);
  return year.dilutedShares;
}

export function marketCapitalisation(price: number | undefined, shares: Amount): Amount {
  if (price === undefined) return missing('needs a share price');
  return combine([known(price, []), shares], (p, count) => p * count);
}
