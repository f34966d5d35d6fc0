import type { CompanyFacts, Fact } from './company-facts';

/** Thrown when a document is not SEC companyfacts JSON; the message names what is wrong. */
export class CompanyFactsFormatError extends Error {
  override readonly name = 'CompanyFactsFormatError';
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses the body of SEC `api/xbrl/companyfacts/CIK##########.json` into one point-in-time fact per reported copy. */
export function parseCompanyFactsJson(text: string): CompanyFacts {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CompanyFactsFormatError(`not JSON (${(error as Error).message})`);
  }
  return parseCompanyFacts(document);
}

export function parseCompanyFacts(document: unknown): CompanyFacts {
  if (!isObject(document) || !isObject(document.facts)) {
    throw new CompanyFactsFormatError('not companyfacts JSON: no "facts" object');
  }
  const cik = Number(document.cik);
  if (!Number.isInteger(cik) || cik <= 0) throw new CompanyFactsFormatError('not companyfacts JSON: no numeric "cik"');
  const entityName = typeof document.entityName === 'string' ? document.entityName : '';

  const facts: Fact[] = [];
  for (const [taxonomy, concepts] of Object.entries(document.facts)) {
    if (!isObject(concepts)) continue;
    for (const [concept, definition] of Object.entries(concepts)) {
      if (!isObject(definition) || !isObject(definition.units)) continue;
      for (const [unit, entries] of Object.entries(definition.units)) {
        if (!Array.isArray(entries)) continue;
        for (const entry of entries) {
          const fact = toFact(taxonomy, concept, unit, entry);
          if (fact) facts.push(fact);
        }
      }
    }
  }
  return { cik, entityName, facts };
}

/** Entries without a value, an end date, a filing date or an accession number cannot be placed in time: skipped. */
function toFact(taxonomy: string, concept: string, unit: string, entry: unknown): Fact | undefined {
  if (!isObject(entry)) return undefined;
  const { start, end, val, accn, fy, fp, form, filed, frame } = entry;
  if (typeof val !== 'number' || typeof end !== 'string' || typeof filed !== 'string' || typeof accn !== 'string') {
    return undefined;
  }
  return {
    taxonomy,
    concept,
    unit,
    start: typeof start === 'string' ? start : null,
    end,
    value: val,
    accn,
    fy: typeof fy === 'number' ? fy : null,
    fp: typeof fp === 'string' ? fp : null,
    form: typeof form === 'string' ? form : '',
    filed,
    frame: typeof frame === 'string' ? frame : null,
  };
}
