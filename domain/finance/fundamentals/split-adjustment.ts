import type { Fact } from './company-facts';
import { isAnnualDuration } from './dates';
import type { PointInTimeFacts } from './point-in-time-facts';

/**
 * When the restated copy of a per-share value differs from the original by a split-like ratio (n:1 or n:2 with
 * n/d ≥ 1.5, within 2% for rounding of the reported EPS), the ratio is the split; any other difference is a genuine
 * restatement and yields 1.
 */
export function splitRatio(restatedOverOriginal: number): number {
  if (!(restatedOverOriginal > 0)) return 1;
  const magnitude = restatedOverOriginal >= 1 ? restatedOverOriginal : 1 / restatedOverOriginal;
  for (const denominator of [1, 2]) {
    const numerator = Math.round(magnitude * denominator);
    if (numerator / denominator < 1.5) continue;
    if (Math.abs(magnitude * denominator - numerator) <= 0.02 * magnitude * denominator) {
      return restatedOverOriginal >= 1 ? numerator / denominator : denominator / numerator;
    }
  }
  return 1;
}

/**
 * Factor that puts a per-share fact reported by an old filing on the share basis of `targetAccn`. A 10-K restates
 * only its two comparative years, so Apple's FY2017 EPS (9.21) is last known pre-split while FY2020 EPS is post-split.
 * The bridge is each filing's own latest annual period: if a later filing restated that period by a split ratio
 * (FY2019: 11.89 → 2.97), values from the older filing are scaled by it; this repeats until the target filing.
 */
export function splitAdjustmentFactor(facts: PointInTimeFacts, base: Fact, targetAccn: string): number {
  const concept = `${base.taxonomy}:${base.concept}`;
  const annualCopies = facts.copies(concept).filter((f) => f.unit === base.unit && isAnnualDuration(f.start, f.end));
  let factor = 1;
  let accn = base.accn;
  for (let hops = 0; hops < 20 && accn !== targetAccn; hops++) {
    const own = annualCopies
      .filter((f) => f.accn === accn)
      .reduce<Fact | undefined>((newest, f) => (!newest || f.end > newest.end ? f : newest), undefined);
    if (!own) break;
    const latest = facts.annual(concept, own.end, base.unit);
    if (!latest || latest.accn === accn) break;
    if (own.value !== 0) factor *= splitRatio(latest.value / own.value);
    accn = latest.accn;
  }
  return factor;
}
