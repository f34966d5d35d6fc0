/** Bars for the analysis tests: business days or month starts with a gently wandering close. */
import type { OriginBar } from './frequency';

const DAY_MS = 86_400_000;
const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);

function bar(date: string, close: number, origin: string): OriginBar {
  return {
    symbol: 'T',
    date,
    open: close,
    high: close * 1.01,
    low: close * 0.99,
    close,
    adjClose: null,
    volume: 1000,
    flags: [],
    origin,
  };
}

/** `count` weekday bars from `start` (a date), closes following a deterministic zigzag upward. */
export function dailyBars(start: string, count: number, origin = 'csv|daily'): OriginBar[] {
  const bars: OriginBar[] = [];
  for (let t = Date.parse(start); bars.length < count; t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const i = bars.length;
    bars.push(bar(iso(t), 100 + i * 0.1 + 3 * Math.sin(i / 5), origin));
  }
  return bars;
}

/** `count` first-of-month bars from `year`-`month` (1-based). */
export function monthlyBars(year: number, month: number, count: number, origin = 'csv|monthly'): OriginBar[] {
  return Array.from({ length: count }, (_, i) =>
    bar(iso(Date.UTC(year, month - 1 + i, 1)), 50 + i + 5 * Math.cos(i / 3), origin),
  );
}
