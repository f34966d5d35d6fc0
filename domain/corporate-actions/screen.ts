/**
 * The rules only flag a bar whose close moved at least BAD_BAR_SPIKE from the one before, so a symbol without
 * recorded actions need not be read whole: the database keeps the candidates (bars that moved that much) with
 * SCREEN_NEIGHBOURS bars on each side, numbered by their place in the series, and the rules run on each
 * contiguous stretch. That gives exactly the suspicions of the whole series (the screen test checks it):
 * - a flagged bar needs its previous bar (the move) and its next one (a bad bar's revert), both kept;
 * - the bar before a stretch is no candidate, so it is no bad bar whose revert would skip the stretch's first
 *   test; the stretch's last bar is no candidate either, and a bad bar's revert is itself a big move, so kept.
 * With recorded actions a move is judged after them, so those symbols are read whole.
 */
import { BAD_BAR_SPIKE, detectSuspicions, type CloseBar, type Suspicion } from './rules';

/** Looser than the rules' own threshold, so rounding can only keep more bars, never fewer. */
export const SCREEN_MOVE = BAD_BAR_SPIKE - 1e-6;
export const SCREEN_NEIGHBOURS = 1;

/** A bar with its 1-based place in the symbol's whole series (the database's `row_number()`). */
export interface NumberedCloseBar extends CloseBar {
  n: number;
}

/** What the database query keeps, written in TypeScript: the reference the screen test compares against. */
export function screenBars(bars: readonly CloseBar[]): NumberedCloseBar[] {
  const candidate = bars.map((bar, i) => i > 0 && Math.abs(bar.close / bars[i - 1].close - 1) >= SCREEN_MOVE);
  return bars.flatMap((bar, i) => {
    const from = Math.max(0, i - SCREEN_NEIGHBOURS);
    const near = candidate.slice(from, i + SCREEN_NEIGHBOURS + 1).some(Boolean);
    return near ? [{ ...bar, n: i + 1 }] : [];
  });
}

/** The suspicions of a screened series (bars in date order): the rules over each run of consecutive places. */
export function detectScreenedSuspicions(bars: readonly NumberedCloseBar[]): Suspicion[] {
  const found: Suspicion[] = [];
  let start = 0;
  for (let i = 1; i <= bars.length; i++) {
    if (i === bars.length || bars[i].n !== bars[i - 1].n + 1) {
      found.push(...detectSuspicions(bars.slice(start, i)));
      start = i;
    }
  }
  return found;
}
