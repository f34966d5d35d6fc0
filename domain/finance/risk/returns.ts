/** A value per date; dates are ISO `YYYY-MM-DD`, ascending and unique. */
export interface DatedSeries {
  dates: readonly string[];
  values: readonly number[];
}

/** Simple periodic returns `p[t] / p[t-1] - 1`; one fewer than the prices. */
export function simpleReturns(prices: readonly number[]): number[] {
  const returns: number[] = [];
  for (let i = 1; i < prices.length; i++) returns.push(prices[i] / prices[i - 1] - 1);
  return returns;
}

/** Returns dated by the bar they end on: the first price has no return, so the first date is dropped. */
export function datedReturns(prices: DatedSeries): DatedSeries {
  return { dates: prices.dates.slice(1), values: simpleReturns(prices.values) };
}

/**
 * Inner join on date: keeps exactly the dates both series have, in order. Metrics against a benchmark are only
 * meaningful pair by pair, so a date that only one side has is dropped rather than filled.
 */
export function alignByDate(a: DatedSeries, b: DatedSeries): { dates: string[]; a: number[]; b: number[] } {
  // The common case (a stock against an index over the same sessions) needs no lookup table.
  if (sameAscendingDates(a.dates, b.dates)) return { dates: [...a.dates], a: [...a.values], b: [...b.values] };
  const indexOfB = new Map<string, number>();
  b.dates.forEach((date, i) => indexOfB.set(date, i));
  const aligned = { dates: [] as string[], a: [] as number[], b: [] as number[] };
  a.dates.forEach((date, i) => {
    const j = indexOfB.get(date);
    if (j === undefined) return;
    aligned.dates.push(date);
    aligned.a.push(a.values[i]);
    aligned.b.push(b.values[j]);
  });
  return aligned;
}

/**
 * `datedReturns` of each side of `alignByDate` of two price series. Over the same sessions (a stock against an
 * index) the join keeps everything, so the returns are taken from the inputs directly, without copying them first.
 */
export function alignedReturns(a: DatedSeries, b: DatedSeries): AlignedReturns {
  if (sameAscendingDates(a.dates, b.dates)) {
    const start = a.dates[0] ?? null;
    return { start, dates: a.dates.slice(1), a: simpleReturns(a.values), b: simpleReturns(b.values) };
  }
  const joined = alignByDate(a, b);
  const start = joined.dates[0] ?? null;
  return { start, dates: joined.dates.slice(1), a: simpleReturns(joined.a), b: simpleReturns(joined.b) };
}

export interface AlignedReturns {
  /** The first common date: the date of the prices before the first returns. */
  start: string | null;
  dates: string[];
  a: number[];
  b: number[];
}

/** Equal and strictly ascending: with a repeated date the join pairs it differently, so that takes the table. */
function sameAscendingDates(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || (i > 0 && !(a[i - 1] < a[i]))) return false;
  return true;
}
