import type { FactRejectReason } from '../../../contracts/fundamentals';
import type { CompanyFacts, Fact } from './company-facts';

/** Thrown when a document is not SEC companyfacts JSON; the message names what is wrong. */
export class CompanyFactsFormatError extends Error {
  override readonly name = 'CompanyFactsFormatError';
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parses the body of SEC `api/xbrl/companyfacts/CIK##########.json` into one point-in-time fact per reported copy. */
export function parseCompanyFactsJson(text: string, options: ParseOptions = {}): CompanyFacts {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new CompanyFactsFormatError(`not JSON (${(error as Error).message})`);
  }
  return parseCompanyFacts(document, options);
}

/** Where a skipped entry sits in the document, so a loader can account for it. */
export interface SkippedEntry {
  taxonomy: string;
  concept: string;
  unit: string;
  index: number;
}

export interface ParseOptions {
  /** Told about every entry that is skipped, with the reason; the ETL counts them, the CLI ignores them. */
  onSkipped?: (reason: FactRejectReason, where: SkippedEntry) => void;
}

export function parseCompanyFacts(document: unknown, options: ParseOptions = {}): CompanyFacts {
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
        entries.forEach((entry: unknown, index) => {
          const fact = toFact(taxonomy, concept, unit, entry);
          if (typeof fact !== 'string') facts.push(fact);
          else options.onSkipped?.(fact, { taxonomy, concept, unit, index });
        });
      }
    }
  }
  return { cik, entityName, facts };
}

/** Entries without a value, an end date, a filing date or an accession number cannot be placed in time: skipped. */
function toFact(taxonomy: string, concept: string, unit: string, entry: unknown): Fact | FactRejectReason {
  if (!isObject(entry)) return 'not_an_object';
  const { start, end, val, accn, fy, fp, form, filed, frame } = entry;
  if (typeof val !== 'number') return val === undefined || val === null ? 'missing_value' : 'invalid_value';
  if (typeof end !== 'string') return 'missing_end';
  if (typeof filed !== 'string') return 'missing_filed';
  if (typeof accn !== 'string') return 'missing_accn';
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
