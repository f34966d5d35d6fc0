/** Builds small companyfacts documents in the SEC shape for tests (values in raw USD). */
export interface RawFact {
  concept: string;
  val: number;
  end: string;
  start?: string;
  unit?: string;
  taxonomy?: string;
  accn: string;
  filed: string;
  form?: string;
  fy?: number;
  fp?: string;
  frame?: string;
}

export function companyFactsDocument(facts: RawFact[], cik = 999, entityName = 'Fixture Corp'): unknown {
  const taxonomies: Record<string, Record<string, { label: string; units: Record<string, unknown[]> }>> = {};
  for (const { concept, unit = 'USD', taxonomy = 'us-gaap', form = '10-K', fp = 'FY', ...entry } of facts) {
    const concepts = (taxonomies[taxonomy] ??= {});
    const definition = (concepts[concept] ??= { label: concept, units: {} });
    (definition.units[unit] ??= []).push({ ...entry, form, fp });
  }
  return { cik, entityName, facts: taxonomies };
}
