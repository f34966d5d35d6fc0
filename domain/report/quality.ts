/**
 * The data-quality summary shown on a tearsheet: what the numbers rest on. Built from the bars that were used
 * (their dates and flags) and, when the caller knows them, the rows the load rejected.
 */

export interface DateGap {
  /** Last bar before the gap and first bar after it. */
  from: string;
  to: string;
  calendarDays: number;
}

export interface DataQualitySummary {
  bars: number;
  from: string | null;
  to: string | null;
  /** Bars loaded with a quality flag, by flag (`missing_volume`, `zero_volume`, …). */
  flagged: Record<string, number>;
  /** Rows of the input the validator left out; null when the caller does not know (e.g. read from a database). */
  rejected: { total: number; byReason: Record<string, number> } | null;
  /** Spaces between consecutive bars longer than the series' usual spacing allows (holidays excepted). */
  gaps: DateGap[];
  /** Anything else a reader should know (source, frequency, a mix that was left out, …). */
  notes: string[];
}

export interface QualityBar {
  date: string;
  flags?: readonly string[];
}

const DAY_MS = 86_400_000;
const days = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * A gap is a space between bars wider than 5 calendar days for daily bars (a long weekend with a holiday is 4),
 * or twice the median spacing for weekly and monthly bars.
 */
export function findGaps(dates: readonly string[]): DateGap[] {
  if (dates.length < 3) return [];
  const spaces = dates.slice(1).map((date, i) => days(dates[i], date));
  const median = [...spaces].sort((a, b) => a - b)[Math.floor(spaces.length / 2)];
  const limit = median <= 3 ? 5 : 2 * median;
  const gaps: DateGap[] = [];
  spaces.forEach((space, i) => {
    if (space > limit) gaps.push({ from: dates[i], to: dates[i + 1], calendarDays: space });
  });
  return gaps;
}

export function summarizeQuality(
  bars: readonly QualityBar[],
  rejected: DataQualitySummary['rejected'] = null,
  notes: string[] = [],
): DataQualitySummary {
  const flagged: Record<string, number> = {};
  for (const bar of bars) for (const flag of bar.flags ?? []) flagged[flag] = (flagged[flag] ?? 0) + 1;
  const dates = bars.map((b) => b.date);
  return {
    bars: bars.length,
    from: dates[0] ?? null,
    to: dates[dates.length - 1] ?? null,
    flagged,
    rejected,
    gaps: findGaps(dates),
    notes,
  };
}
