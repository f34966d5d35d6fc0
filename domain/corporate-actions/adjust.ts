/**
 * Back-adjustment of a bar series for recorded splits and dividends, as CRSP does it: each bar before an ex-date is
 * multiplied by the factors of every later action, so the last bar is unchanged and earlier bars are in its terms.
 * Pure: bars and actions in, adjusted bars out.
 */
import type { PriceAdjustment } from '../../contracts/corporate-actions';
import type { RecordedAction } from './rules';
import { firstOnOrAfter } from '../prices/first-on-or-after';

/** The prices and volume an adjustment scales; `adjClose` (a provider's own adjustment) is left as it is. */
export interface AdjustableBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  volume: number | null;
}

export interface AdjustedSeries<B> {
  bars: B[];
  /** Actions that changed a bar: an action with no bar before its ex-date, or after the last bar, changes none. */
  factorsApplied: number;
  /** Whether a dividend was among them (the series is then a total-return series). */
  dividendsApplied: boolean;
}

/** One ex-date's effect on the bars before it. */
interface Step {
  /** Index of the first bar on or after the ex-date: bars [0, index) are scaled. */
  index: number;
  price: number;
  volume: number;
  actions: number;
  dividend: boolean;
}

/**
 * `none` returns the bars as they are; `splits` applies splits only; `total` applies splits and dividends.
 * - A split of ratio r (new shares per old share) divides the prices before it by r and multiplies the volume by r.
 * - A cash dividend d multiplies the prices before it by 1 − d / c, c the previous bar's close. The dividend is per
 *   share as traded on its ex-date, so a split on the same day puts c in those shares first (c / r).
 *   A dividend of at least that close is bad data and is not applied (the factor would not be positive).
 * `bars` must be in ascending date order (ISO dates); `actions` may come in any order.
 */
export function adjustBars<B extends AdjustableBar>(
  bars: readonly B[],
  actions: readonly RecordedAction[],
  adjust: PriceAdjustment,
): AdjustedSeries<B> {
  const steps = adjust === 'none' ? [] : stepsOf(bars, actions, adjust === 'total');
  if (steps.length === 0) return { bars: [...bars], factorsApplied: 0, dividendsApplied: false };

  const adjusted: B[] = new Array<B>(bars.length);
  let price = 1;
  let volume = 1;
  let next = steps.length - 1;
  // From the newest bar back: a step's factors join the running product once the bars are before its ex-date.
  for (let i = bars.length - 1; i >= 0; i--) {
    while (next >= 0 && steps[next].index > i) {
      price *= steps[next].price;
      volume *= steps[next].volume;
      next--;
    }
    adjusted[i] = price === 1 && volume === 1 ? bars[i] : scaleBar(bars[i], price, volume);
  }
  return {
    bars: adjusted,
    factorsApplied: steps.reduce((n, s) => n + s.actions, 0),
    dividendsApplied: steps.some((s) => s.dividend),
  };
}

/** Steps in ascending index order, one per ex-date that has a bar before it and a bar on or after it. */
function stepsOf(bars: readonly AdjustableBar[], actions: readonly RecordedAction[], withDividends: boolean): Step[] {
  const byIndex = new Map<number, { ratio: number; dividends: number[]; splits: number }>();
  for (const action of actions) {
    if (action.kind === 'dividend' && !withDividends) continue;
    const index = firstOnOrAfter(bars, action.exDate);
    if (index === 0 || index === bars.length) continue;
    let day = byIndex.get(index);
    if (!day) byIndex.set(index, (day = { ratio: 1, dividends: [], splits: 0 }));
    if (action.kind === 'split' && action.ratio !== null && action.ratio > 0 && action.ratio !== 1) {
      day.ratio *= action.ratio;
      day.splits++;
    } else if (action.kind === 'dividend' && action.cashAmount !== null && action.cashAmount > 0) {
      day.dividends.push(action.cashAmount);
    }
  }
  const steps: Step[] = [];
  for (const [index, day] of [...byIndex].sort(([a], [b]) => a - b)) {
    const previousClose = bars[index - 1].close / day.ratio;
    let price = 1 / day.ratio;
    let applied = day.splits;
    let dividend = false;
    for (const cash of day.dividends) {
      if (!(cash < previousClose)) continue;
      price *= 1 - cash / previousClose;
      applied++;
      dividend = true;
    }
    if (applied > 0) steps.push({ index, price, volume: day.ratio, actions: applied, dividend });
  }
  return steps;
}

function scaleBar<B extends AdjustableBar>(bar: B, price: number, volume: number): B {
  return {
    ...bar,
    open: bar.open === null ? null : bar.open * price,
    high: bar.high === null ? null : bar.high * price,
    low: bar.low === null ? null : bar.low * price,
    close: bar.close * price,
    volume: bar.volume === null ? null : bar.volume * volume,
  };
}
