import fs from 'node:fs';
import readline from 'node:readline';
import { parse } from 'csv-parse/sync';

/** Every line of a text file, without line endings or a byte-order mark. */
export async function* readLines(file: string): AsyncGenerator<string> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    yield first ? line.replace(/^\uFEFF/, '') : line;
    first = false;
  }
}

/** Splits one CSV line; the quote-aware parser runs only for the rare line that has quotes. */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const records: string[][] = parse(line, { relax_column_count: true, relax_quotes: true });
  const [fields] = records;
  return fields ?? [];
}
