import { qualifiedConcept, qualify, type Fact } from './company-facts';
import { isAnnualDuration } from './dates';

/** Only facts whose filing date is on or before `asOf` (YYYY-MM-DD; ISO dates compare correctly as strings). */
export function factsKnownAsOf(facts: readonly Fact[], asOf: string): Fact[] {
  return facts.filter((fact) => fact.filed <= asOf);
}

/** Later filing wins; on the same day the higher accession number (filed later in SEC's sequence) wins. */
export function isNewerCopy(candidate: Fact, current: Fact): boolean {
  if (candidate.filed !== current.filed) return candidate.filed > current.filed;
  return candidate.accn > current.accn;
}

const periodKey = (fact: Fact): string => `${fact.unit}|${fact.start ?? ''}|${fact.end}`;

/**
 * The facts a reader could have seen on `asOf`. Every copy stays available (`copies`), and for a period reported by
 * several filings the lookups return the copy from the latest filing known then, which is how restatements and the
 * 2020 split-adjusted comparatives replace the originally reported values without erasing them.
 */
export class PointInTimeFacts {
  private readonly copiesByConcept = new Map<string, Fact[]>();
  private readonly latestByConcept = new Map<string, Map<string, Fact>>();
  private readonly annualEnds = new Map<string, number>();

  constructor(
    allFacts: readonly Fact[],
    readonly asOf: string,
  ) {
    for (const fact of factsKnownAsOf(allFacts, asOf)) {
      const name = qualifiedConcept(fact.taxonomy, fact.concept);
      const copies = this.copiesByConcept.get(name) ?? [];
      copies.push(fact);
      this.copiesByConcept.set(name, copies);

      const latest = this.latestByConcept.get(name) ?? new Map<string, Fact>();
      const key = periodKey(fact);
      const current = latest.get(key);
      if (!current || isNewerCopy(fact, current)) latest.set(key, fact);
      this.latestByConcept.set(name, latest);

      if (isAnnualDuration(fact.start, fact.end))
        this.annualEnds.set(fact.end, (this.annualEnds.get(fact.end) ?? 0) + 1);
    }
  }

  /** Every known copy of a concept, restatements included. */
  copies(concept: string): Fact[] {
    return this.copiesByConcept.get(qualify(concept)) ?? [];
  }

  /** One fact per reported period: the latest copy known as of `asOf`. */
  latest(concept: string): Fact[] {
    return [...(this.latestByConcept.get(qualify(concept))?.values() ?? [])];
  }

  /** Balance-sheet value at `date`. */
  instant(concept: string, date: string, unit = 'USD'): Fact | undefined {
    return this.latestByConcept.get(qualify(concept))?.get(`${unit}||${date}`);
  }

  /** Fiscal-year flow value (income or cash-flow statement) for the year ending on `end`. */
  annual(concept: string, end: string, unit = 'USD'): Fact | undefined {
    let found: Fact | undefined;
    for (const fact of this.latest(concept)) {
      if (fact.unit !== unit || fact.end !== end || !isAnnualDuration(fact.start, fact.end)) continue;
      if (!found || isNewerCopy(fact, found)) found = fact;
    }
    return found;
  }

  /** How many known annual-duration facts end on each date; fiscal year ends are the busy dates. */
  annualEndCounts(): ReadonlyMap<string, number> {
    return this.annualEnds;
  }
}
