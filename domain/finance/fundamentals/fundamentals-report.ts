import type { Amount } from './amount';
import { altmanZScore } from './altman';
import { type AnnualFiling, annualFilings, latestAnnualFilingAsOf } from './annual-filings';
import { cashFlowRatios } from './cash-flow-ratios';
import type { CompanyFacts } from './company-facts';
import { fiscalYearEnds } from './fiscal-years';
import { type FiscalYearStatement, fiscalYearStatement, unavailableStatement } from './fiscal-year-statement';
import { growthRatios } from './growth-ratios';
import { leverageRatios } from './leverage-ratios';
import { liquidityRatios } from './liquidity-ratios';
import { marketCapitalisation, sharesOutstanding } from './market-value';
import { epsOnCurrentBasis } from './per-share-history';
import { type PiotroskiScore, piotroskiScore } from './piotroski';
import { PointInTimeFacts } from './point-in-time-facts';
import { profitabilityRatios } from './profitability-ratios';
import type { RatioName } from './ratio-names';
import { valuationRatios } from './valuation-ratios';

export interface FundamentalsOptions {
  /** YYYY-MM-DD: only filings made on or before this day are used. */
  asOf: string;
  /** Share price in USD on the as-of date; the market multiples and Altman Z need it. */
  price?: number;
}

export interface FundamentalsReport {
  cik: number;
  entityName: string;
  asOf: string;
  filing: AnnualFiling;
  /** The fiscal year ends used: current year first, then up to three prior years. */
  fiscalYearEnds: string[];
  /** Current year first, then the prior years (missing years are statements of missing items). */
  statements: FiscalYearStatement[];
  ratios: Record<RatioName, Amount>;
  piotroski: PiotroskiScore;
  sharesOutstanding: Amount;
  marketCap: Amount;
}

/** No 10-K had been filed by the as-of date. */
export class NoAnnualFilingError extends Error {
  override readonly name = 'NoAnnualFilingError';
}

const YEARS_OF_HISTORY = 4;

/** Annual ratios from the latest 10-K known as of `asOf`, with prior years' values as they were known then. */
export function computeFundamentals(company: CompanyFacts, { asOf, price }: FundamentalsOptions): FundamentalsReport {
  const filing = latestAnnualFilingAsOf(annualFilings(company.facts), asOf);
  if (!filing) throw new NoAnnualFilingError(`no 10-K filed on or before ${asOf}`);

  const facts = new PointInTimeFacts(company.facts, asOf);
  const ends = fiscalYearEnds(facts, filing.periodEnd, YEARS_OF_HISTORY);
  const statements = Array.from({ length: YEARS_OF_HISTORY }, (_, yearsBack) =>
    yearsBack < ends.length
      ? fiscalYearStatement(facts, ends[yearsBack])
      : unavailableStatement(`no fiscal year ${yearsBack} year(s) before ${filing.periodEnd} in the filings known`),
  );
  const [current, prior, twoBack, threeBack] = statements as [
    FiscalYearStatement,
    FiscalYearStatement,
    FiscalYearStatement,
    FiscalYearStatement,
  ];
  const epsBefore = (statement: FiscalYearStatement): Amount =>
    statement.end ? epsOnCurrentBasis(facts, statement.end, current.end) : statement.epsDiluted;

  const shares = sharesOutstanding(facts, current);
  const marketCap = marketCapitalisation(price, shares);
  const piotroski = piotroskiScore(current, prior, twoBack);
  const ratios: Record<RatioName, Amount> = {
    ...liquidityRatios(current),
    ...leverageRatios(current),
    ...profitabilityRatios(current, prior),
    ...cashFlowRatios(current),
    ...growthRatios({
      revenue: { current: current.revenue, prior: prior.revenue, threeYearsBack: threeBack.revenue },
      eps: { current: current.epsDiluted, prior: epsBefore(prior), threeYearsBack: epsBefore(threeBack) },
    }),
    piotroski_f: piotroski.score,
    altman_z: altmanZScore(current, marketCap),
    ...valuationRatios(current, marketCap),
  };
  return {
    cik: company.cik,
    entityName: company.entityName,
    asOf,
    filing,
    fiscalYearEnds: ends,
    statements,
    ratios,
    piotroski,
    sharesOutstanding: shares,
    marketCap,
  };
}
