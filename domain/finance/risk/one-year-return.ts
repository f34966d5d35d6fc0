/**
 * The trailing 1-year return of a price series: the last close over the close a year before it. Needs only two
 * bars (the last one, and the last one on or before the same day a year earlier), so a database can pick them
 * per symbol with an index lookup and hand just those two here.
 */

export interface ReturnBar {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  close: number;
  /** Split- and dividend-adjusted close, when the source has one. */
  adjClose?: number | null;
}

/** The same calendar day a year before `date`; 29 February goes to the 28th (as Postgres' `date - interval '1 year'`). */
export function yearBefore(date: string): string {
  const year = String(Number(date.slice(0, 4)) - 1).padStart(4, '0');
  const monthDay = date.slice(4);
  return monthDay === '-02-29' ? `${year}-02-28` : `${year}${monthDay}`;
}

/**
 * `last / base - 1`, where `last` is the last bar and `base` the last bar on or before `yearBefore(last.date)`.
 * Adjusted closes are used when both bars have one (dividends count in the return, as in the risk set), else
 * closes. Null when the bars span less than a year or a base price is not positive. `bars` are in date order.
 */
export function oneYearReturn(bars: readonly ReturnBar[]): number | null {
  const last = bars.at(-1);
  if (!last) return null;
  const cutoff = yearBefore(last.date);
  let base: ReturnBar | undefined;
  for (let i = bars.length - 2; i >= 0 && !base; i--) if (bars[i].date <= cutoff) base = bars[i];
  if (!base) return null;
  const adjusted = isPrice(base.adjClose) && isPrice(last.adjClose);
  const from = adjusted ? (base.adjClose as number) : base.close;
  const to = adjusted ? (last.adjClose as number) : last.close;
  return from > 0 && Number.isFinite(to) ? to / from - 1 : null;
}

const isPrice = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;
