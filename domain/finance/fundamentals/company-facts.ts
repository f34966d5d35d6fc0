/**
 * One reported XBRL value as one filing stated it. Facts are never merged: when a later filing repeats or restates
 * a period, that copy is a separate fact with its own `filed` and `accn`, so the history of what was known stays
 * reconstructible.
 */
export interface Fact {
  taxonomy: string;
  concept: string;
  unit: string;
  /** Null for instant (balance-sheet) facts, which SEC reports without a start. */
  start: string | null;
  end: string;
  value: number;
  accn: string;
  /** Fiscal year and period of the filing that reported the fact (not of the fact's own period). */
  fy: number | null;
  fp: string | null;
  form: string;
  filed: string;
  /** SEC puts the calendar frame on one copy only; kept for reference, never used to deduplicate. */
  frame: string | null;
}

export interface CompanyFacts {
  cik: number;
  entityName: string;
  facts: Fact[];
}

/** `us-gaap:Revenues` style name; bare names in the concept map mean us-gaap. */
export const qualifiedConcept = (taxonomy: string, concept: string): string => `${taxonomy}:${concept}`;

export const qualify = (name: string): string => (name.includes(':') ? name : `us-gaap:${name}`);
