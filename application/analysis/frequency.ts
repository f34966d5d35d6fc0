/**
 * One frequency per analysis. A symbol can hold bars from loads of different frequencies (the demo loads monthly
 * AAPL closes from stocks.csv; a later load may add daily AAPL bars): returns between a monthly and a daily bar
 * mean nothing, so the bars of the finest frequency are analysed and the others are left out and listed.
 *
 * The unit is the load (its `origin`: source and workflow), not the source name: two CSV files share the source
 * `csv` but not the workflow that loaded them. A load's frequency comes from its own date spacing; a load of one or
 * two bars (a daily incremental run) has too few dates for that, and joins the chosen frequency when its gap to the
 * nearest kept bar fits it (in date order, so a run of daily one-bar loads joins bar by bar).
 */
import type { ExcludedBars, Frequency } from '../../contracts/analysis';
import type { PriceBar } from '../../contracts/prices';
import { inferPeriodsPerYear } from '../../domain/finance/risk';
import { firstOnOrAfter } from '../../domain/prices/first-on-or-after';

/** A bar with the load it came from; bars without an origin (one file) form one load. */
export type OriginBar = PriceBar & { origin?: string };

const PERIODS_PER_YEAR: Record<Frequency, number> = { daily: 252, weekly: 52, monthly: 12, quarterly: 4, yearly: 1 };

/** The largest gap, in calendar days, between neighbouring bars of each frequency (market closures included:
 * the NYSE was shut for 6 days after 11 September 2001). */
const MAX_GAP_DAYS: Record<Frequency, number> = { daily: 7, weekly: 14, monthly: 45, quarterly: 120, yearly: 400 };

/** Fewest dates from which a load's own spacing is trusted. */
const MIN_DATES_TO_INFER = 3;

const DAY_MS = 86_400_000;

export function frequencyOf(periodsPerYear: number): Frequency {
  const found = (Object.keys(PERIODS_PER_YEAR) as Frequency[]).find((f) => PERIODS_PER_YEAR[f] === periodsPerYear);
  if (!found) throw new RangeError(`no frequency has ${periodsPerYear} periods a year`);
  return found;
}

export interface FrequencySelection<B extends OriginBar> {
  frequency: Frequency;
  periodsPerYear: number;
  /** Ascending by date. */
  bars: B[];
  excluded: ExcludedBars[];
}

const byDate = (a: { date: string }, b: { date: string }): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0);

/** Needs at least 2 bars; the finest frequency among the loads wins. */
export function selectFrequency<B extends OriginBar>(bars: readonly B[]): FrequencySelection<B> {
  const loads = new Map<string, B[]>();
  for (const bar of bars) {
    const origin = bar.origin ?? '';
    const load = loads.get(origin) ?? [];
    load.push(bar);
    loads.set(origin, load);
  }
  const judged = new Map<string, Frequency>();
  for (const [origin, load] of loads) {
    if (load.length >= MIN_DATES_TO_INFER) judged.set(origin, inferFrequency(load));
  }
  if (loads.size === 1 || judged.size === 0) {
    // One load, or only tiny ones: judge all the bars together.
    const all = [...bars].sort(byDate);
    const frequency = inferFrequency(all);
    return { frequency, periodsPerYear: PERIODS_PER_YEAR[frequency], bars: all, excluded: [] };
  }
  const periodsPerYear = Math.max(...[...judged.values()].map((f) => PERIODS_PER_YEAR[f]));
  const frequency = frequencyOf(periodsPerYear);
  const kept: B[] = [];
  const excluded: ExcludedBars[] = [];
  for (const [origin, f] of judged) {
    const load = loads.get(origin) as B[];
    if (f === frequency) kept.push(...load);
    else excluded.push(describe(origin, f, load));
  }
  kept.sort(byDate);
  const misfits = placeTinyLoads(kept, loads, judged, MAX_GAP_DAYS[frequency]);
  for (const [origin, load] of misfits) excluded.push(describe(origin, null, load));
  excluded.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { frequency, periodsPerYear, bars: kept, excluded };
}

function inferFrequency(bars: readonly OriginBar[]): Frequency {
  return frequencyOf(inferPeriodsPerYear(bars.map((b) => b.date).sort()));
}

function describe(origin: string, frequency: Frequency | null, load: readonly OriginBar[]): ExcludedBars {
  const dates = load.map((b) => b.date).sort();
  return { origin, frequency, bars: load.length, from: dates[0], to: dates[dates.length - 1] };
}

/**
 * Adds the bars of the loads too small to judge (`loads` not in `judged`) to `kept` (sorted, changed in place),
 * in date order, each when it lies within `maxGapDays` of a bar already kept: a week of one-bar daily runs extends
 * the series day by day. Returns the bars that fit nowhere, by load.
 */
function placeTinyLoads<B extends OriginBar>(
  kept: B[],
  loads: ReadonlyMap<string, B[]>,
  judged: ReadonlyMap<string, Frequency>,
  maxGapDays: number,
): Map<string, B[]> {
  const tiny = [...loads].filter(([origin]) => !judged.has(origin)).flatMap(([, load]) => load);
  const misfits = new Map<string, B[]>();
  for (const bar of tiny.sort(byDate)) {
    const at = firstOnOrAfter(kept, bar.date);
    const t = Date.parse(bar.date);
    const gaps = [kept[at - 1], kept[at]].map((near) =>
      near ? Math.abs(Date.parse(near.date) - t) / DAY_MS : Infinity,
    );
    if (Math.min(...gaps) <= maxGapDays) {
      kept.splice(at, 0, bar);
    } else {
      const origin = bar.origin ?? '';
      misfits.set(origin, [...(misfits.get(origin) ?? []), bar]);
    }
  }
  return misfits;
}
