import type { FredObservation } from './fred-observations';

/**
 * The series as it was known on `asOf`: for each observation date, the vintage whose real-time range contains
 * `asOf`. When stored vintages overlap (an older one fetched while it was still open, `realtime_end` 9999-12-31,
 * and its revision fetched later), the one that started last is what was known. Sorted by date.
 */
export function observationsAsOf<T extends FredObservation>(vintages: readonly T[], asOf: string): T[] {
  const known = new Map<string, T>();
  for (const vintage of vintages) {
    if (vintage.realtimeStart > asOf || vintage.realtimeEnd < asOf) continue;
    const current = known.get(vintage.date);
    if (!current || vintage.realtimeStart > current.realtimeStart) known.set(vintage.date, vintage);
  }
  return [...known.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
