import fs from 'node:fs';

export interface NaiveAudit {
  read: number;
  rejected: number;
  bySymbol: Map<string, number>;
}

/**
 * An independent, deliberately simple reading of the validation rules for files in the
 * `date,open,high,low,close,volume,Name` layout, so integration tests do not check the loader against itself.
 */
export function auditOhlcvNameFile(file: string, symbols: Set<string>): NaiveAudit {
  const lines = fs.readFileSync(file, 'utf8').split('\n').slice(1);
  const seen = new Set<string>();
  const bySymbol = new Map<string, number>();
  let read = 0;
  let rejected = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    const [date, open, high, low, close, , name] = line.split(',');
    if (!symbols.has(name.trim())) continue;
    read++;
    const num = (s: string) => (s.trim() === '' || Number(s) === 0 ? null : Number(s));
    const [o, h, l, c] = [num(open), num(high), num(low), num(close)];
    const key = `${name}|${date}`;
    const bad =
      c === null ||
      c <= 0 ||
      [o, h, l].some((v) => v !== null && v < 0) ||
      (h !== null && l !== null && (h < l || (o !== null && (o < l || o > h)) || c < l || c > h)) ||
      seen.has(key);
    seen.add(key);
    if (bad) rejected++;
    else bySymbol.set(name, (bySymbol.get(name) ?? 0) + 1);
  }
  return { read, rejected, bySymbol };
}
