import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/shared-data';
import type { CompanyFacts } from './company-facts';
import { parseCompanyFacts, parseCompanyFactsJson } from './parse-company-facts';
import { PointInTimeFacts } from './point-in-time-facts';
import { companyFactsDocument } from './testing/company-facts-builder';

describe('PointInTimeFacts', () => {
  const restated = parseCompanyFacts(
    companyFactsDocument([
      { concept: 'NetIncomeLoss', val: 40, start: '2022-01-01', end: '2022-12-31', accn: 'A-1', filed: '2023-02-10' },
      { concept: 'NetIncomeLoss', val: 35, start: '2022-01-01', end: '2022-12-31', accn: 'A-2', filed: '2023-06-01' },
      { concept: 'NetIncomeLoss', val: 9, start: '2022-10-01', end: '2022-12-31', accn: 'A-1', filed: '2023-02-10' },
    ]),
  ).facts;

  it('hides filings made after the as-of date', () => {
    expect(new PointInTimeFacts(restated, '2023-02-09').annual('NetIncomeLoss', '2022-12-31')).toBeUndefined();
  });

  it('picks the copy known on the as-of date and keeps both copies', () => {
    const before = new PointInTimeFacts(restated, '2023-05-31');
    const after = new PointInTimeFacts(restated, '2023-06-01');
    expect(before.annual('NetIncomeLoss', '2022-12-31')).toMatchObject({ value: 40, accn: 'A-1' });
    expect(after.annual('NetIncomeLoss', '2022-12-31')).toMatchObject({ value: 35, accn: 'A-2' });
    expect(after.copies('NetIncomeLoss').map((fact) => fact.value)).toEqual([40, 35, 9]);
  });

  it('does not mistake the fourth quarter for the fiscal year', () => {
    const facts = new PointInTimeFacts(restated, '2023-12-31');
    expect(facts.latest('NetIncomeLoss').map((fact) => fact.value)).toEqual([35, 9]);
    expect(facts.annual('NetIncomeLoss', '2022-12-31')?.value).toBe(35);
  });

  describe('with Apple', () => {
    let apple: CompanyFacts;
    beforeAll(() => {
      apple = parseCompanyFactsJson(readFileSync(sharedData('fundamentals', 'CIK0000320193.json'), 'utf8'));
    });

    it('restates FY2019 diluted EPS for the 2020 4:1 split only once the FY2020 10-K is filed', () => {
      const fy2019 = (asOf: string) =>
        new PointInTimeFacts(apple.facts, asOf).annual('EarningsPerShareDiluted', '2019-09-28', 'USD/shares');
      expect(fy2019('2020-10-29')).toMatchObject({ value: 11.89, accn: '0000320193-19-000119' });
      expect(fy2019('2020-10-30')).toMatchObject({ value: 2.97, accn: '0000320193-20-000096' });
      const copies = new PointInTimeFacts(apple.facts, '2024-01-01')
        .copies('EarningsPerShareDiluted')
        .filter((fact) => fact.start === '2018-09-30' && fact.end === '2019-09-28');
      expect(copies.map((fact) => fact.value)).toEqual([11.89, 2.97, 2.97]);
    });

    it('replaces FY2009 net sales with the 10-K/A restatement from its filing date', () => {
      const sales = (asOf: string) =>
        new PointInTimeFacts(apple.facts, asOf).annual('SalesRevenueNet', '2009-09-26')?.value;
      expect(sales('2010-01-24')).toBe(36_537_000_000);
      expect(sales('2010-01-25')).toBe(42_905_000_000);
    });

    it('reads a balance-sheet instant at the fiscal year end', () => {
      expect(new PointInTimeFacts(apple.facts, '2024-01-01').instant('Assets', '2023-09-30')?.value).toBe(352_583e6);
    });
  });
});
