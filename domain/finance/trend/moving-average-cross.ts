import { sma } from '../indicators';

export type CrossKind = 'golden_cross' | 'death_cross';

export interface MovingAverageState {
  fastPeriod: number;
  slowPeriod: number;
  /** Last values; null while the average is still warming up. */
  fast: number | null;
  slow: number | null;
  closeVsFast: 'above' | 'below' | null;
  closeVsSlow: 'above' | 'below' | null;
  /** Which average leads now: fast above slow is the golden-cross regime. */
  regime: CrossKind | null;
  lastCross: { kind: CrossKind; date: string } | null;
}

const side = (close: number, average: number): 'above' | 'below' | null =>
  Number.isFinite(average) ? (close > average ? 'above' : 'below') : null;

/**
 * State of the fast/slow simple moving averages (50/200 by default) and the last bar where the fast one crossed
 * the slow one: a golden cross is the first bar strictly above after a bar at or below, a death cross the reverse.
 */
export function movingAverageState(
  dates: readonly string[],
  closes: ArrayLike<number>,
  fastPeriod = 50,
  slowPeriod = 200,
): MovingAverageState {
  const fast = sma(closes, fastPeriod);
  const slow = sma(closes, slowPeriod);
  let lastCross: MovingAverageState['lastCross'] = null;
  for (let i = 1; i < closes.length; i++) {
    if (![fast[i - 1], slow[i - 1], fast[i], slow[i]].every(Number.isFinite)) continue;
    if (fast[i] > slow[i] && fast[i - 1] <= slow[i - 1]) lastCross = { kind: 'golden_cross', date: dates[i] };
    else if (fast[i] < slow[i] && fast[i - 1] >= slow[i - 1]) lastCross = { kind: 'death_cross', date: dates[i] };
  }
  const last = closes.length - 1;
  const fastNow = last >= 0 && Number.isFinite(fast[last]) ? fast[last] : null;
  const slowNow = last >= 0 && Number.isFinite(slow[last]) ? slow[last] : null;
  return {
    fastPeriod,
    slowPeriod,
    fast: fastNow,
    slow: slowNow,
    closeVsFast: fastNow === null ? null : side(closes[last], fastNow),
    closeVsSlow: slowNow === null ? null : side(closes[last], slowNow),
    regime: fastNow === null || slowNow === null ? null : fastNow > slowNow ? 'golden_cross' : 'death_cross',
    lastCross,
  };
}
