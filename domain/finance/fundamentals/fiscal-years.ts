import { daysBetween } from './dates';
import type { PointInTimeFacts } from './point-in-time-facts';

/**
 * The fiscal year end one year before `end`: the end date 350..380 days earlier that the most annual-duration facts
 * share. Counting facts rather than stepping back 365 days copes with 52/53-week years (Apple: 2022-09-24 is 371
 * days before 2023-09-30) and ignores stray one-off annual periods.
 */
export function priorFiscalYearEnd(facts: PointInTimeFacts, end: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const [candidate, count] of facts.annualEndCounts()) {
    const days = daysBetween(candidate, end);
    if (days < 350 || days > 380) continue;
    if (count > bestCount || (count === bestCount && best !== undefined && candidate > best)) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/** `[end, one year earlier, two years earlier, …]`, `count` entries at most, shorter when history runs out. */
export function fiscalYearEnds(facts: PointInTimeFacts, end: string, count: number): string[] {
  const ends = [end];
  while (ends.length < count) {
    const previous = priorFiscalYearEnd(facts, ends[ends.length - 1]);
    if (!previous) break;
    ends.push(previous);
  }
  return ends;
}
