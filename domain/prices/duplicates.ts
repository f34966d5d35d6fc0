/** Remembers which (symbol, date) pairs were loaded, to reject later copies. */
import { isoDateKey } from './dates';

export class DuplicateTracker {
  // Dates as numbers: a Set of small integers costs far less than one string key per row of a large file.
  private readonly datesBySymbol = new Map<string, Set<number>>();

  /** Records the pair; false when it was already recorded (the first occurrence wins). */
  add(symbol: string, isoDate: string): boolean {
    let dates = this.datesBySymbol.get(symbol);
    if (dates === undefined) {
      dates = new Set();
      this.datesBySymbol.set(symbol, dates);
    }
    const key = isoDateKey(isoDate);
    if (dates.has(key)) return false;
    dates.add(key);
    return true;
  }
}
