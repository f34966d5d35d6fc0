import { type Amount, combine, divide } from './amount';
import { freeCashFlow } from './cash-flow-ratios';
import type { FiscalYearStatement } from './fiscal-year-statement';
import type { RatioSet } from './ratio-names';

type ValuationRatio = 'pe' | 'pb' | 'ps' | 'fcf_yield' | 'dividend_yield' | 'earnings_yield';

/**
 * Every multiple is taken on the whole company: market capitalisation against annual totals. P/E = market cap / net
 * income equals price / EPS when both use the same share count, and stays right when a split happens between the
 * 10-K and the price date (the cover-page share count of a later 10-Q already reflects it, the 10-K EPS does not).
 * Dividend yield uses dividends paid in the fiscal year (PaymentsOfDividends).
 */
export function valuationRatios(year: FiscalYearStatement, marketCap: Amount): RatioSet<ValuationRatio> {
  const positiveEarnings = combine([year.netIncome], (income) =>
    income <= 0 ? 'not meaningful: net income ≤ 0' : income,
  );
  return {
    pe: divide(marketCap, positiveEarnings, 'net income'),
    pb: divide(marketCap, year.equity, 'equity'),
    ps: divide(marketCap, year.revenue, 'revenue'),
    fcf_yield: divide(freeCashFlow(year), marketCap, 'market capitalisation'),
    dividend_yield: divide(year.dividendsPaid, marketCap, 'market capitalisation'),
    earnings_yield: divide(year.netIncome, marketCap, 'market capitalisation'),
  };
}
