/** One plausible new daily bar per symbol, the trading day after the last one, written as a CSV in the loader's
 * long format (`date,open,high,low,close,volume,Name`). */
import fs from 'node:fs';
import path from 'node:path';
import type { Pool } from 'pg';

interface LastBar {
  symbol: string;
  date: string;
  close: number;
  volume: string | null;
}

/** The next weekday (the bench data has no holiday the day after its last bar). */
export function nextWeekday(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

/** A move of at most ±2 % from a seeded generator, so every run writes the same file. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeNextDayCsv(db: Pool, dir: string): Promise<{ file: string; date: string; rows: number }> {
  const { rows } = await db.query<LastBar>(
    `SELECT DISTINCT ON (symbol) symbol, date::text AS date, close::float8 AS close, volume::text AS volume
       FROM price_bars ORDER BY symbol, date DESC`,
  );
  const date = nextWeekday(rows.reduce((max, r) => (r.date > max ? r.date : max), ''));
  const random = mulberry32(20180208);
  const cents = (n: number) => Math.round(n * 100) / 100;
  const lines = ['date,open,high,low,close,volume,Name'];
  for (const bar of rows) {
    const open = cents(bar.close * (1 + (random() - 0.5) * 0.01));
    const close = cents(bar.close * (1 + (random() - 0.5) * 0.04));
    const high = cents(Math.max(open, close) * (1 + random() * 0.005));
    const low = cents(Math.min(open, close) * (1 - random() * 0.005));
    lines.push(`${date},${open},${high},${low},${close},${bar.volume ?? 1_000_000},${bar.symbol}`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `daily_${date}.csv`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return { file, date, rows: rows.length };
}
