/** Synthetic bars for chart tests: business days from a start date, a smooth walk with a known shape. */
import type { ChartBar } from '../build-series';

export function businessDays(start: string, count: number): string[] {
  const dates: string[] = [];
  const day = new Date(`${start}T00:00:00Z`);
  while (dates.length < count) {
    const weekday = day.getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return dates;
}

export function syntheticBars(start: string, count: number, drift = 0.0004): ChartBar[] {
  return businessDays(start, count).map((date, i) => ({
    date,
    close: 100 * Math.exp(drift * i + 0.08 * Math.sin(i / 17)),
    volume: 1_000_000 + 250_000 * Math.cos(i / 5),
  }));
}
