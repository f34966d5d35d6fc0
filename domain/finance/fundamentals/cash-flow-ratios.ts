import { type Amount, combine, divide } from './amount';
import type { FiscalYearStatement } from './fiscal-year-statement';
import type { RatioSet } from './ratio-names';

/** Operating cash flow − capital expenditure (capex is tagged as a positive payment). */
export const freeCashFlow = (year: FiscalYearStatement): Amount =>
  combine([year.operatingCashFlow, year.capitalExpenditure], (operating, capex) => operating - capex);

export function cashFlowRatios(year: FiscalYearStatement): RatioSet<'free_cash_flow' | 'fcf_margin'> {
  const fcf = freeCashFlow(year);
  return { free_cash_flow: fcf, fcf_margin: divide(fcf, year.revenue, 'revenue') };
}
