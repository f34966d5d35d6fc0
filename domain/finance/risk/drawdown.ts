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
  return scanWealth(returns).deepest;
}

/** One walk along the wealth path: what the drawdown metrics, the total return and the CAGR all read. */
export interface WealthScan {
  /** Point k is the wealth after k returns; point 0 is the starting 1, the last the final wealth. */
  path: Float64Array;
  /** `maxDrawdown`: the running minimum of the drawdowns with `Math.min`, so NaN once a drawdown is NaN. */
  deepest: number;
  /** The deepest drawdown that compares below the ones before it (NaN drawdowns never do), and where it lies. */
  depth: number;
  peakAt: number;
  troughAt: number;
}

export function scanWealth(returns: readonly number[]): WealthScan {
  const n = returns.length;
  const path = new Float64Array(n + 1);
  path[0] = 1;
  let wealth = 1;
  let peak = 1;
  let peakAt = 0;
  let deepest = 0;
  let depth = 0;
  let episodePeak = 0;
  let troughAt = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i];
    if (!Number.isNaN(r)) wealth *= 1 + r;
    path[i + 1] = wealth;
    if (wealth > peak) {
      peak = wealth;
      peakAt = i + 1;
    }
    const drawdown = wealth / peak - 1;
    deepest = Math.min(deepest, drawdown);
    if (drawdown < depth) {
      depth = drawdown;
      episodePeak = peakAt;
      troughAt = i + 1;
    }
  }
  return { path, deepest, depth, peakAt: episodePeak, troughAt };
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
  return maxDrawdownEpisodeOf(scanWealth(returns), dates, startDate);
}

/** `maxDrawdownEpisode` from the scan of the returns, for a caller that needs the scan for more. */
export function maxDrawdownEpisodeOf(
  scan: WealthScan,
  dates: readonly string[],
  startDate: string | null,
): DrawdownEpisode {
  const { path, depth, peakAt, troughAt } = scan;
  if (depth === 0) {
    return { depth, peakDate: null, troughDate: null, recoveryDate: null, durationPeriods: 0, durationDays: 0 };
  }
  let recoveredAt: number | null = null;
  for (let k = troughAt + 1; k < path.length; k++) {
    if (path[k] >= path[peakAt]) {
      recoveredAt = k;
      break;
    }
  }
  const endAt = recoveredAt ?? path.length - 1;
  const peakDate = dateOfPoint(peakAt, dates, startDate);
  const endDate = dateOfPoint(endAt, dates, startDate);
  return {
    depth,
    peakDate,
    troughDate: dateOfPoint(troughAt, dates, startDate),
    recoveryDate: recoveredAt === null ? null : dateOfPoint(recoveredAt, dates, startDate),
    durationPeriods: endAt - peakAt,
    durationDays:
      peakDate === null || endDate === null ? null : Math.round((Date.parse(endDate) - Date.parse(peakDate)) / DAY_MS),
  };
}

/** Point k of the wealth path: k = 0 is the start, k = i + 1 follows returns[i]. */
function dateOfPoint(k: number, dates: readonly string[], startDate: string | null): string | null {
  return k === 0 ? startDate : dates[k - 1];
}
