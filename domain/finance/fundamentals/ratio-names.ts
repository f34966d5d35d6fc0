import type { Amount } from './amount';

/** The ratios reported, in output order; names are the keys of the `--json` output. */
export const RATIO_NAMES = [
  'current_ratio',
  'quick_ratio',
  'cash_ratio',
  'debt_to_equity',
  'debt_to_assets',
  'liabilities_to_equity',
  'interest_coverage',
  'gross_margin',
  'operating_margin',
  'net_margin',
  'effective_tax_rate',
  'roe',
  'roe_average',
  'roa',
  'roa_average',
  'roic',
  'asset_turnover',
  'free_cash_flow',
  'fcf_margin',
  'revenue_growth',
  'eps_growth',
  'revenue_cagr_3y',
  'eps_cagr_3y',
  'piotroski_f',
  'altman_z',
  'pe',
  'pb',
  'ps',
  'fcf_yield',
  'dividend_yield',
  'earnings_yield',
] as const;

export type RatioName = (typeof RATIO_NAMES)[number];

export type RatioSet<Name extends RatioName> = Record<Name, Amount>;
