import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/shared-data';
import { valueOrNull } from './amount';
import type { CompanyFacts } from './company-facts';
import { computeFundamentals, NoAnnualFilingError } from './fundamentals-report';
import { parseCompanyFacts, parseCompanyFactsJson } from './parse-company-facts';
import { RATIO_NAMES } from './ratio-names';
import { companyFactsDocument, type RawFact } from './testing/company-facts-builder';

const load = (file: string): CompanyFacts =>
  parseCompanyFactsJson(readFileSync(sharedData('fundamentals', file), 'utf8'));

describe('computeFundamentals point in time (Apple)', () => {
  let apple: CompanyFacts;
  beforeAll(() => {
    apple = load('CIK0000320193.json');
  });

  it('uses the FY2022 10-K on the day before the FY2023 10-K was filed (2023-11-03)', () => {
    const report = computeFundamentals(apple, { asOf: '2023-11-02' });
    expect(report.filing).toMatchObject({ fy: 2022, accn: '0000320193-22-000108', periodEnd: '2022-09-24' });
    // FY2022 balance sheet as printed in the 10-K: current assets $135,405M, current liabilities $153,982M.
    expect(valueOrNull(report.ratios.current_ratio)).toBeCloseTo(135_405 / 153_982, 12);
    // FY2022 net sales $394,328M over FY2021 $365,817M.
    expect(valueOrNull(report.ratios.revenue_growth)).toBeCloseTo(394_328 / 365_817 - 1, 12);
  });

  it('switches to the FY2023 10-K on its filing date', () => {
    const report = computeFundamentals(apple, { asOf: '2023-11-03' });
    expect(report.filing).toMatchObject({ fy: 2023, accn: '0000320193-23-000106' });
    expect(valueOrNull(report.ratios.current_ratio)).toBeCloseTo(143_566 / 145_308, 12);
  });

  it('uses the 10-K/A restatement of FY2009 once filed', () => {
    const original = computeFundamentals(apple, { asOf: '2010-01-24' });
    const amended = computeFundamentals(apple, { asOf: '2010-01-25' });
    expect([original.filing.form, amended.filing.form]).toEqual(['10-K', '10-K/A']);
    // FY2009 net sales restated from $36,537M to $42,905M; FY2008 from $32,479M to $37,491M.
    expect(valueOrNull(original.ratios.revenue_growth)).toBeCloseTo(36_537 / 32_479 - 1, 12);
    expect(valueOrNull(amended.ratios.revenue_growth)).toBeCloseTo(42_905 / 37_491 - 1, 12);
  });

  it('puts FY2017 EPS (pre-split 9.21) on the post-2020-split basis for the FY2020 3-year EPS CAGR', () => {
    const report = computeFundamentals(apple, { asOf: '2020-12-01' });
    expect(report.filing.fy).toBe(2020);
    expect(valueOrNull(report.ratios.eps_cagr_3y)).toBeCloseTo((3.28 / (9.21 / 4)) ** (1 / 3) - 1, 12);
  });

  it('reports price-based ratios as missing without a price', () => {
    const report = computeFundamentals(apple, { asOf: '2024-01-01' });
    for (const name of ['pe', 'pb', 'ps', 'fcf_yield', 'dividend_yield', 'earnings_yield', 'altman_z'] as const) {
      expect(report.ratios[name]).toMatchObject({
        known: false,
        reason: expect.stringMatching(/share price/) as string,
      });
    }
    expect(valueOrNull(report.ratios.piotroski_f)).toBe(7);
  });

  it('fails with a named error when no 10-K was filed yet', () => {
    expect(() => computeFundamentals(apple, { asOf: '2009-01-01' })).toThrow(NoAnnualFilingError);
    expect(() => computeFundamentals(apple, { asOf: '2009-01-01' })).toThrow('no 10-K filed on or before 2009-01-01');
  });
});

describe('computeFundamentals with missing concepts', () => {
  it('gives Alphabet no quick ratio after it stopped tagging inventory (FY2023)', () => {
    const report = computeFundamentals(load('CIK0001652044.json'), { asOf: '2024-06-01' });
    expect(report.filing).toMatchObject({ fy: 2023, periodEnd: '2023-12-31' });
    expect(report.ratios.quick_ratio).toMatchObject({ known: false, reason: 'missing InventoryNet at 2023-12-31' });
    expect(report.ratios.current_ratio.known).toBe(true);
    // No GrossProfit tag: derived from revenue − CostOfRevenue ($307,394M − $133,332M).
    expect(report.ratios.gross_margin.concepts).toEqual([
      'RevenueFromContractWithCustomerExcludingAssessedTax',
      'CostOfRevenue',
    ]);
    expect(valueOrNull(report.ratios.gross_margin)).toBeCloseTo((307_394 - 133_332) / 307_394, 12);
  });

  it('gives Snowflake no quick ratio and no debt ratios, naming the tags', () => {
    const report = computeFundamentals(load('CIK0001640147_snowflake_fixture.json'), { asOf: '2024-06-01' });
    expect(report.ratios.quick_ratio).toMatchObject({ known: false, reason: 'missing InventoryNet at 2024-01-31' });
    expect(report.ratios.debt_to_equity).toMatchObject({
      known: false,
      reason: 'missing LongTermDebtNoncurrent / LongTermDebt at 2024-01-31',
    });
  });

  it('reports a hand-built company without inventory as null + reason', () => {
    const tenK = { accn: 'K-1', filed: '2024-03-01', fy: 2023 } as const;
    const year = { start: '2023-01-01', end: '2023-12-31' } as const;
    const facts: RawFact[] = [
      { concept: 'AssetsCurrent', val: 300, end: '2023-12-31', ...tenK },
      { concept: 'LiabilitiesCurrent', val: 200, end: '2023-12-31', ...tenK },
      { concept: 'Revenues', val: 1000, ...year, ...tenK },
    ];
    const report = computeFundamentals(parseCompanyFacts(companyFactsDocument(facts)), { asOf: '2024-03-01' });
    expect(valueOrNull(report.ratios.current_ratio)).toBe(1.5);
    expect(report.ratios.quick_ratio).toEqual({
      known: false,
      reason: 'missing InventoryNet at 2023-12-31',
      concepts: ['AssetsCurrent', 'LiabilitiesCurrent'],
    });
    expect(report.ratios.revenue_growth).toMatchObject({
      known: false,
      reason: expect.stringMatching(/prior year/) as string,
    });
  });
});

describe('computeFundamentals on every companyfacts file', () => {
  it.each([
    ['CIK0000320193.json', '2025-12-31', '2025-09-27'],
    ['CIK0001045810.json', '2024-06-01', '2024-01-28'],
    ['CIK0001652044.json', '2025-03-01', '2024-12-31'],
    ['CIK0001835632.json', '2024-06-01', '2024-02-03'],
    ['CIK0001640147_snowflake_fixture.json', '2023-06-01', '2023-01-31'],
  ])('%s as of %s uses the 10-K for the period ending %s', (file, asOf, periodEnd) => {
    const report = computeFundamentals(load(file), { asOf, price: 100 });
    expect(report.filing.periodEnd).toBe(periodEnd);
    expect(report.filing.filed <= asOf).toBe(true);
    const computed = RATIO_NAMES.filter((name) => report.ratios[name].known);
    expect(computed).toEqual(expect.arrayContaining(['current_ratio', 'net_margin', 'roa', 'free_cash_flow']));
    for (const name of RATIO_NAMES) {
      const ratio = report.ratios[name];
      if (ratio.known) expect(Number.isFinite(ratio.value)).toBe(true);
      else expect(ratio.reason).not.toBe('');
    }
  });
});
