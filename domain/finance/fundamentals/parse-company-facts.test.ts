import { readFileSync } from 'node:fs';
import { sharedData } from '../../../test/support/shared-data';
import { CompanyFactsFormatError, parseCompanyFacts, parseCompanyFactsJson } from './parse-company-facts';
import { companyFactsDocument } from './testing/company-facts-builder';

describe('parseCompanyFacts', () => {
  it('keeps every copy of a period with its filing, and instants without start', () => {
    const document = companyFactsDocument([
      { concept: 'Assets', val: 100, end: '2022-12-31', accn: 'A-22', filed: '2023-02-01', fy: 2022 },
      {
        concept: 'Assets',
        val: 90,
        end: '2022-12-31',
        accn: 'A-23',
        filed: '2024-02-01',
        fy: 2023,
        frame: 'CY2022Q4I',
      },
      {
        concept: 'Revenues',
        val: 500,
        start: '2022-01-01',
        end: '2022-12-31',
        accn: 'A-22',
        filed: '2023-02-01',
        fy: 2022,
      },
    ]);
    const { cik, entityName, facts } = parseCompanyFacts(document);
    expect(cik).toBe(999);
    expect(entityName).toBe('Fixture Corp');
    const assets = facts.filter((fact) => fact.concept === 'Assets');
    expect(assets.map((fact) => [fact.value, fact.accn, fact.filed, fact.start, fact.frame])).toEqual([
      [100, 'A-22', '2023-02-01', null, null],
      [90, 'A-23', '2024-02-01', null, 'CY2022Q4I'],
    ]);
    const revenue = facts.find((fact) => fact.concept === 'Revenues');
    expect(revenue).toMatchObject({ taxonomy: 'us-gaap', unit: 'USD', start: '2022-01-01', form: '10-K', fy: 2022 });
  });

  it.each([
    ['not JSON', '{"cik": 1,', /not JSON/],
    ['an array', '[]', /no "facts" object/],
    ['no facts', '{"cik": 1, "entityName": "X"}', /no "facts" object/],
    ['no cik', '{"entityName": "X", "facts": {}}', /no numeric "cik"/],
  ])('rejects %s with a named problem', (_label, text, message) => {
    expect(() => parseCompanyFactsJson(text)).toThrow(CompanyFactsFormatError);
    expect(() => parseCompanyFactsJson(text)).toThrow(message);
  });

  it("keeps Apple's repeated and restated copies side by side (counts from the data MANIFEST)", () => {
    const { cik, entityName, facts } = parseCompanyFactsJson(
      readFileSync(sharedData('fundamentals', 'CIK0000320193.json'), 'utf8'),
    );
    expect([cik, entityName]).toEqual([320193, 'Apple Inc.']);
    const copiesByPeriod = new Map<string, number[]>();
    for (const fact of facts) {
      const key = [fact.taxonomy, fact.concept, fact.unit, fact.start, fact.end].join('|');
      copiesByPeriod.set(key, [...(copiesByPeriod.get(key) ?? []), fact.value]);
    }
    const repeats = facts.length - copiesByPeriod.size;
    const changed = [...copiesByPeriod.values()].filter((values) => new Set(values).size > 1).length;
    expect(repeats).toBe(12_425);
    expect(changed).toBe(425);
  });
});
