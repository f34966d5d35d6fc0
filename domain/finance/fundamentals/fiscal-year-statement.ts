import { type Amount, combine, known, missing } from './amount';
import { LINE_ITEMS, type LineItemName } from './concept-map';
import { resolveLineItem } from './line-items';
import type { PointInTimeFacts } from './point-in-time-facts';

/** Every line item the ratios need for one fiscal year, each with its source concepts or the reason it is missing. */
export type FiscalYearStatement = Record<LineItemName | 'totalDebt', Amount> & { readonly end: string };

/** Optional additive components: a company without commercial paper simply has no such line on its balance sheet. */
const zeroWhenAbsent = (amount: Amount): Amount => (amount.known ? amount : known(0, []));

/**
 * Interest-bearing debt. Anchor: LongTermDebtNoncurrent plus the current portion (LongTermDebtCurrent); when only
 * LongTermDebt (which already includes current maturities) is tagged, that instead. Then CommercialPaper and
 * ShortTermBorrowings are added when reported at the date. Without a long-term debt anchor the total is missing
 * rather than assumed zero. Leases are excluded (they are tagged inconsistently across the years covered).
 */
function totalDebt(items: Record<LineItemName, Amount>, end: string): Amount {
  const shortTerm = [zeroWhenAbsent(items.commercialPaper), zeroWhenAbsent(items.shortTermBorrowings)];
  const sum = (...values: number[]): number => values.reduce((total, value) => total + value, 0);
  if (items.longTermDebtNoncurrent.known) {
    return combine([items.longTermDebtNoncurrent, zeroWhenAbsent(items.longTermDebtCurrent), ...shortTerm], sum);
  }
  if (items.longTermDebtIncludingCurrent.known) return combine([items.longTermDebtIncludingCurrent, ...shortTerm], sum);
  return missing(`missing LongTermDebtNoncurrent / LongTermDebt at ${end}`);
}

/** GrossProfit when tagged, else revenue − cost of revenue (Alphabet tags no GrossProfit). */
function grossProfit(items: Record<LineItemName, Amount>): Amount {
  if (items.grossProfit.known) return items.grossProfit;
  return combine([items.revenue, items.costOfRevenue], (revenue, cost) => revenue - cost);
}

/** Liabilities when tagged, else LiabilitiesAndStockholdersEquity − equity (NVIDIA before FY2015 tags no Liabilities). */
function totalLiabilities(items: Record<LineItemName, Amount>): Amount {
  if (items.totalLiabilities.known) return items.totalLiabilities;
  return combine([items.liabilitiesAndEquity, items.equity], (total, equity) => total - equity);
}

export function fiscalYearStatement(facts: PointInTimeFacts, end: string): FiscalYearStatement {
  const items = {} as Record<LineItemName, Amount>;
  for (const name of Object.keys(LINE_ITEMS) as LineItemName[]) items[name] = resolveLineItem(facts, name, end);
  return {
    ...items,
    marketableSecuritiesCurrent: zeroWhenAbsent(items.marketableSecuritiesCurrent),
    grossProfit: grossProfit(items),
    totalLiabilities: totalLiabilities(items),
    totalDebt: totalDebt(items, end),
    end,
  };
}

/** A statement for a year that is not in the data: every item missing with the same reason. */
export function unavailableStatement(reason: string): FiscalYearStatement {
  const items = {} as Record<LineItemName | 'totalDebt', Amount>;
  for (const name of [...(Object.keys(LINE_ITEMS) as LineItemName[]), 'totalDebt' as const]) {
    items[name] = { known: false, reason, concepts: [] };
  }
  return { ...items, end: '' };
}
