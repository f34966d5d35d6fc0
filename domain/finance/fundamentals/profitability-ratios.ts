import { type Amount, average, combine, divide } from './amount';
import type { FiscalYearStatement } from './fiscal-year-statement';
import type { RatioSet } from './ratio-names';

type ProfitabilityRatio =
  | 'gross_margin'
  | 'operating_margin'
  | 'net_margin'
  | 'effective_tax_rate'
  | 'roe'
  | 'roe_average'
  | 'roa'
  | 'roa_average'
  | 'roic'
  | 'asset_turnover';

/** Income tax over pre-tax income; undefined when pre-tax income is not positive. */
export function effectiveTaxRate(year: FiscalYearStatement): Amount {
  return combine([year.incomeTax, year.pretaxIncome], (tax, pretax) =>
    pretax <= 0 ? 'not meaningful: pre-tax income ≤ 0' : tax / pretax,
  );
}

/**
 * ROIC = NOPAT / (debt + equity) at the year end, NOPAT = operating income × (1 − effective tax rate). Invested
 * capital is not reduced by cash, so cash-rich companies are not flattered by a tiny denominator.
 */
function returnOnInvestedCapital(year: FiscalYearStatement, taxRate: Amount): Amount {
  const nopat = combine([year.operatingIncome, taxRate], (operating, rate) => operating * (1 - rate));
  const investedCapital = combine([year.totalDebt, year.equity], (debt, equity) => debt + equity);
  return divide(nopat, investedCapital, 'invested capital');
}

/** `prior` supplies the opening balances for the averaged returns and for asset turnover. */
export function profitabilityRatios(
  year: FiscalYearStatement,
  prior: FiscalYearStatement,
): RatioSet<ProfitabilityRatio> {
  const taxRate = effectiveTaxRate(year);
  return {
    gross_margin: divide(year.grossProfit, year.revenue, 'revenue'),
    operating_margin: divide(year.operatingIncome, year.revenue, 'revenue'),
    net_margin: divide(year.netIncome, year.revenue, 'revenue'),
    effective_tax_rate: taxRate,
    roe: divide(year.netIncome, year.equity, 'equity'),
    roe_average: divide(year.netIncome, average(prior.equity, year.equity), 'average equity'),
    roa: divide(year.netIncome, year.totalAssets, 'total assets'),
    roa_average: divide(year.netIncome, average(prior.totalAssets, year.totalAssets), 'average total assets'),
    roic: returnOnInvestedCapital(year, taxRate),
    asset_turnover: divide(year.revenue, average(prior.totalAssets, year.totalAssets), 'average total assets'),
  };
}
