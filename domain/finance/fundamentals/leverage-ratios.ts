import { divide } from './amount';
import type { FiscalYearStatement } from './fiscal-year-statement';
import type { RatioSet } from './ratio-names';

type LeverageRatio = 'debt_to_equity' | 'debt_to_assets' | 'liabilities_to_equity' | 'interest_coverage';

/** Interest coverage uses operating income as EBIT: it is tagged consistently, unlike EBIT itself. */
export function leverageRatios(year: FiscalYearStatement): RatioSet<LeverageRatio> {
  return {
    debt_to_equity: divide(year.totalDebt, year.equity, 'equity'),
    debt_to_assets: divide(year.totalDebt, year.totalAssets, 'total assets'),
    liabilities_to_equity: divide(year.totalLiabilities, year.equity, 'equity'),
    interest_coverage: divide(year.operatingIncome, year.interestExpense, 'interest expense'),
  };
}
