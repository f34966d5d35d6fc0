/** Binary search over items ascending by ISO date: the first on or after `date`, `items.length` when none is. */
export function firstOnOrAfter(items: readonly { date: string }[], date: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
