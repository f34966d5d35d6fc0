import { type Amount, known, missing } from './amount';
import { qualify } from './company-facts';
import { LINE_ITEMS, type LineItemName } from './concept-map';
import type { PointInTimeFacts } from './point-in-time-facts';

/** Display name of a concept: bare for us-gaap (the common case), prefixed for other taxonomies. */
export const conceptLabel = (name: string): string => qualify(name).replace(/^us-gaap:/, '');

/**
 * The value of a line item for the fiscal year ending on `end` (instants at that date, flows over the year ending
 * then), from the first concept in the fallback list that was reported, as known on the facts' as-of date.
 */
export function resolveLineItem(facts: PointInTimeFacts, item: LineItemName, end: string): Amount {
  const definition = LINE_ITEMS[item];
  for (const concept of definition.concepts) {
    const fact =
      definition.period === 'instant'
        ? facts.instant(concept, end, definition.unit)
        : facts.annual(concept, end, definition.unit);
    if (fact) return known(fact.value, [conceptLabel(concept)]);
  }
  const where = definition.period === 'instant' ? `at ${end}` : `for the fiscal year ending ${end}`;
  return missing(`missing ${definition.concepts.map(conceptLabel).join(' / ')} ${where}`);
}
