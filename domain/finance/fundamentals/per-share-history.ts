import { type Amount, known, missing } from './amount';
import { LINE_ITEMS } from './concept-map';
import { conceptLabel } from './line-items';
import type { PointInTimeFacts } from './point-in-time-facts';
import { splitAdjustmentFactor } from './split-adjustment';

/**
 * Diluted EPS (fallback basic) for the fiscal year ending `end`, restated onto the share basis of the filing that
 * reported the current year's EPS (`currentEnd`), so growth rates do not jump at a stock split.
 */
export function epsOnCurrentBasis(facts: PointInTimeFacts, end: string, currentEnd: string): Amount {
  const { concepts, unit } = LINE_ITEMS.epsDiluted;
  for (const concept of concepts) {
    const base = facts.annual(concept, end, unit);
    if (!base) continue;
    const current = facts.annual(concept, currentEnd, unit);
    const factor = current ? splitAdjustmentFactor(facts, base, current.accn) : 1;
    return known(base.value * factor, [conceptLabel(concept)]);
  }
  return missing(`missing ${concepts.map(conceptLabel).join(' / ')} for the fiscal year ending ${end}`);
}
