import { combine, divide } from './amount';
import type { FiscalYearStatement } from './fiscal-year-statement';
import type { RatioSet } from './ratio-names';

/** Quick ratio excludes inventory; a company without an InventoryNet tag gets no quick ratio rather than a guess. */
export function liquidityRatios(year: FiscalYearStatement): RatioSet<'current_ratio' | 'quick_ratio' | 'cash_ratio'> {
  const quickAssets = combine([year.assetsCurrent, year.inventory], (current, inventory) => current - inventory);
  const cashLike = combine(
    [year.cashAndEquivalents, year.marketableSecuritiesCurrent],
    (cash, securities) => cash + securities,
  );
  return {
    current_ratio: divide(year.assetsCurrent, year.liabilitiesCurrent, 'current liabilities'),
    quick_ratio: divide(quickAssets, year.liabilitiesCurrent, 'current liabilities'),
    cash_ratio: divide(cashLike, year.liabilitiesCurrent, 'current liabilities'),
  };
}
