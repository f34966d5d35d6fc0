import { valueOrNull } from './amount';
import type { FundamentalsReport } from './fundamentals-report';
import { RATIO_NAMES, type RatioName } from './ratio-names';

/** The stable machine-readable shape of a report (`iby fundamentals --json`); ratios are fractions, money in USD. */
export interface FundamentalsJson {
  cik: number;
  entityName: string;
  asOf: string;
  filing: { form: string; fy: number | null; periodEnd: string; accn: string; filed: string };
  ratios: Record<RatioName, number | null>;
  missing: Partial<Record<RatioName, string>>;
  concepts: Record<RatioName, string[]>;
}

export function toFundamentalsJson(report: FundamentalsReport): FundamentalsJson {
  const ratios = {} as Record<RatioName, number | null>;
  const missing: Partial<Record<RatioName, string>> = {};
  const concepts = {} as Record<RatioName, string[]>;
  for (const name of RATIO_NAMES) {
    const amount = report.ratios[name];
    ratios[name] = valueOrNull(amount);
    if (!amount.known) missing[name] = amount.reason;
    concepts[name] = [...amount.concepts];
  }
  const { form, fy, periodEnd, accn, filed } = report.filing;
  return {
    cik: report.cik,
    entityName: report.entityName,
    asOf: report.asOf,
    filing: { form, fy, periodEnd, accn, filed },
    ratios,
    missing,
    concepts,
  };
}
