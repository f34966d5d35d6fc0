/**
 * Drawdown of the wealth path that starts at 1 before the first return, so a loss on the first period already
 * counts as a drawdown. Missing returns (NaN) leave the wealth unchanged.
 */

/** Drawdown after each period, `W[t] / max(W[0..t]) - 1`; always <= 0. */
export function drawdownSeries(returns: readonly number[]): number[] {
  let wealth = 1;
  let peak = 1;
  return returns.map((r) => {
    if (!Number.isNaN(r)) wealth *= 1 + r;
    if (wealth > peak) peak = wealth;
    return wealth / peak - 1;
  });
}

/** The deepest drawdown, a negative fraction (0 when the wealth never fell); NaN for an empty series. */
export function maxDrawdown(returns: readonly number[]): number {
  if (returns.length === 0) return NaN;
  return drawdownSeries(returns).reduce((deepest, d) => Math.min(deepest, d), 0);
}

export interface DrawdownEpisode {
  /** Negative fraction. */
  depth: number;
  /** Date of the wealth high before the fall; `startDate` when it is the starting point. */
  peakDate: string | null;
  troughDate: string | null;
  /** First date the wealth regained the peak; null while it has not. */
  recoveryDate: string | null;
  /** Periods from peak to recovery, or to the last period when not recovered. */
  durationPeriods: number;
  /** Calendar days from peak to recovery, or to the last date when not recovered; null without dates. */
  durationDays: number | null;
}

const DAY_MS = 86_400_000;

/**
 * The maximum drawdown with its dates. `dates[i]` is the date of `returns[i]`; `startDate` is the date of the
 * wealth before the first return (the first price's date), or null when the series only has returns.
 */
export function maxDrawdownEpisode(
  returns: readonly number[],
  dates: readonly string[],
  startDate: string | null,
): DrawdownEpisode {
  // Point k of the wealth path: k = 0 is the start, k = i + 1 follows returns[i].
  const dateOf = (k: number): string | null => (k === 0 ? startDate : dates[k - 1]);
  let wealth = 1;
  let peak = 1;
  let peakAt = 0;
  let depth = 0;
  let episodePeak = 0;
  let troughAt = 0;
  const wealthPath = [1];
  returns.forEach((r, i) => {
    if (!Number.isNaN(r)) wealth *= 1 + r;
    wealthPath.push(wealth);
    if (wealth > peak) {
      peak = wealth;
      peakAt = i + 1;
    }
    const drawdown = wealth / peak - 1;
    if (drawdown < depth) {
      depth = drawdown;
      episodePeak = peakAt;
      troughAt = i + 1;
    }
  });
  if (depth === 0) {
    return { depth, peakDate: null, troughDate: null, recoveryDate: null, durationPeriods: 0, durationDays: 0 };
  }
  let recoveredAt: number | null = null;
  for (let k = troughAt + 1; k < wealthPath.length; k++) {
    if (wealthPath[k] >= wealthPath[episodePeak]) {
      recoveredAt = k;
      break;
    }
  }
  const endAt = recoveredAt ?? wealthPath.length - 1;
  const peakDate = dateOf(episodePeak);
  const endDate = dateOf(endAt);
  return {
    depth,
    peakDate,
    troughDate: dateOf(troughAt),
    recoveryDate: recoveredAt === null ? null : dateOf(recoveredAt),
    durationPeriods: endAt - episodePeak,
    durationDays:
      peakDate === null || endDate === null ? null : Math.round((Date.parse(endDate) - Date.parse(peakDate)) / DAY_MS),
  };
}
