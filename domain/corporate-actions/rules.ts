/**
 * The rules that flag a bar series without changing it (README, "Suspected corporate actions and bad bars").
 * Pure: bars and recorded actions in, suspicions out.
 */
import type { SuspicionReason } from '../../contracts/corporate-actions';

/** A close-to-close move of at least this much (up or down) that no recorded action explains. */
export const CORPORATE_ACTION_MOVE = 0.4;
/** A one-day move of at least this much (up or down) … */
export const BAD_BAR_SPIKE = 0.25;
/** … whose next close lies within this much of the close before the spike. */
export const BAD_BAR_REVERT_TOLERANCE = 0.05;
/** Thresholds are inclusive; this absorbs the rounding of a ratio of two decimal prices (100 → 60 is −40 %). */
const EPSILON = 1e-9;

export interface CloseBar {
  date: string;
  close: number;
}

/** A recorded split (`ratio` new shares per old share: 2 for a 2-for-1) or cash dividend per share. */
export interface RecordedAction {
  exDate: string;
  kind: 'split' | 'dividend';
  ratio: number | null;
  cashAmount: number | null;
}

export interface Suspicion {
  reason: SuspicionReason;
  /** The date of the bar that moved (for a bad bar: the spike). */
  date: string;
  previousDate: string;
  previousClose: number;
  close: number;
  /** The move from the previous close, after recorded actions (−0.569 is −56.9 %). */
  move: number;
  /** Bad bars only: the bar that reverted. */
  nextDate?: string;
  nextClose?: number;
}

/**
 * Flags, over one symbol's bars in date order:
 * - `suspected_bad_bar`: bar i moved ≥ 25 % from bar i−1 and bar i+1's close is within 5 % of bar i−1's close
 *   (both moves after recorded actions). Bars i and i+1's moves are the bad bar's, so neither is also flagged below,
 *   and bar i+1 is not itself tested as a spike.
 * - `suspected_corporate_action`: any other bar whose close moved ≥ 40 % from the previous bar's close after the
 *   recorded actions with an ex-date in (previous date, date] are applied: a split multiplies the close by its
 *   ratio, a dividend adds its cash amount (the total-return move). An action that explains the move brings it
 *   under 40 %, so it is not flagged.
 */
export function detectSuspicions(bars: readonly CloseBar[], recorded: readonly RecordedAction[] = []): Suspicion[] {
  const series = isSorted(bars) ? bars : [...bars].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const growth = stepGrowth(series, recorded);
  const found: Suspicion[] = [];
  for (let i = 1; i < series.length; i++) {
    const move = growth[i] - 1;
    const base = { date: series[i].date, previousDate: series[i - 1].date, previousClose: series[i - 1].close };
    if (i + 1 < series.length && atLeast(move, BAD_BAR_SPIKE) && reverts(growth[i] * growth[i + 1])) {
      const next = series[i + 1];
      found.push({
        reason: 'suspected_bad_bar',
        ...base,
        close: series[i].close,
        move,
        nextDate: next.date,
        nextClose: next.close,
      });
      i++; // the reverting move belongs to the bad bar
      continue;
    }
    if (atLeast(move, CORPORATE_ACTION_MOVE))
      found.push({ reason: 'suspected_corporate_action', ...base, close: series[i].close, move });
  }
  return found;
}

/** growth[i] = bar i's close, adjusted by the actions effective at bar i, over bar i−1's close (growth[0] = 1). */
function stepGrowth(series: readonly CloseBar[], recorded: readonly RecordedAction[]): number[] {
  const actions = [...recorded].sort((a, b) => (a.exDate < b.exDate ? -1 : a.exDate > b.exDate ? 1 : 0));
  const growth = new Array<number>(series.length).fill(1);
  let next = 0;
  for (let i = 1; i < series.length; i++) {
    while (next < actions.length && actions[next].exDate <= series[i - 1].date) next++;
    let splitFactor = 1;
    let cash = 0;
    for (; next < actions.length && actions[next].exDate <= series[i].date; next++) {
      const action = actions[next];
      if (action.kind === 'split' && action.ratio && action.ratio > 0) splitFactor *= action.ratio;
      if (action.kind === 'dividend' && action.cashAmount) cash += action.cashAmount;
    }
    growth[i] = (series[i].close * splitFactor + cash) / series[i - 1].close;
  }
  return growth;
}

const atLeast = (move: number, threshold: number) => Math.abs(move) >= threshold - EPSILON;
const reverts = (twoDayGrowth: number) => Math.abs(twoDayGrowth - 1) <= BAD_BAR_REVERT_TOLERANCE + EPSILON;

function isSorted(bars: readonly CloseBar[]): boolean {
  for (let i = 1; i < bars.length; i++) if (bars[i - 1].date > bars[i].date) return false;
  return true;
}
