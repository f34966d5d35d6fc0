/**
 * Rows the loads rejected for one symbol, by reason, for the tearsheet's data-quality summary. The ledger says
 * which of the symbol's batches rejected anything (most reject nothing, and cost one query); only those batches'
 * rejected objects are read, each once per process while it stays among the last few read (a batch of symbols
 * shares its loads), and an object with more rows than `maxRows` is not read at all: the summary then says so.
 */
import type { LineageBatch } from '../../contracts/analysis';
import type { DataQualitySummary } from '../../domain/report';

export interface RejectedObject {
  key: string;
  rows: number;
}

export interface RejectedRowsDeps {
  /** The batches among `lineage` whose load rejected rows, with the key of their rejected object. */
  rejectedObjects(lineage: readonly LineageBatch[]): Promise<RejectedObject[]>;
  /** The lines of a rejected object (`line,reason,symbol,date,raw`, header first). */
  readLines(key: string): AsyncIterable<string>;
}

export interface RejectedRowsOptions {
  maxRows?: number;
  /** Rejected objects whose counts are kept, most recent first. */
  keep?: number;
}

export interface RejectedForSymbol {
  rejected: DataQualitySummary['rejected'];
  notes: string[];
}

type CountsBySymbol = Map<string, Record<string, number>>;

const DEFAULT_MAX_ROWS = 200_000;
const DEFAULT_KEEP = 8;

/** The first `n` fields of a CSV line (quoted fields may hold commas and doubled quotes). */
export function leadingFields(line: string, n: number): string[] {
  const fields: string[] = [];
  let i = 0;
  while (fields.length < n && i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else value += line[i++];
      }
      fields.push(value);
      i++; // the comma
    } else {
      const end = line.indexOf(',', i);
      fields.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return fields;
}

async function countBySymbol(lines: AsyncIterable<string>): Promise<CountsBySymbol> {
  const counts: CountsBySymbol = new Map();
  let header = true;
  for await (const line of lines) {
    if (header || line === '') {
      header = false;
      continue;
    }
    const [, reason, symbol] = leadingFields(line, 3);
    if (!reason) continue;
    const bySymbol = counts.get(symbol ?? '') ?? {};
    bySymbol[reason] = (bySymbol[reason] ?? 0) + 1;
    counts.set(symbol ?? '', bySymbol);
  }
  return counts;
}

export function createRejectedRowsCounter(deps: RejectedRowsDeps, options: RejectedRowsOptions = {}) {
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const keep = options.keep ?? DEFAULT_KEEP;
  const recent = new Map<string, Promise<CountsBySymbol>>();

  const countsOf = (key: string): Promise<CountsBySymbol> => {
    let counts = recent.get(key);
    if (counts) recent.delete(key);
    else counts = countBySymbol(deps.readLines(key));
    recent.set(key, counts);
    // Forget a failed read, so the next symbol (or a retry) reads it again.
    counts.catch(() => recent.delete(key));
    while (recent.size > keep) recent.delete(recent.keys().next().value as string);
    return counts;
  };

  return async function rejectedFor(symbol: string, lineage: readonly LineageBatch[]): Promise<RejectedForSymbol> {
    if (lineage.length === 0) return { rejected: null, notes: ['rejected rows: no load ledger for these bars'] };
    const objects = await deps.rejectedObjects(lineage);
    const byReason: Record<string, number> = {};
    let unattributed = 0;
    const notes: string[] = [];
    for (const object of objects) {
      if (object.rows > maxRows) {
        notes.push(`rejected rows: ${object.rows} in ${object.key}, too many to attribute by symbol here`);
        continue;
      }
      const counts = await countsOf(object.key);
      for (const [reason, n] of Object.entries(counts.get(symbol) ?? {}))
        byReason[reason] = (byReason[reason] ?? 0) + n;
      for (const n of Object.values(counts.get('') ?? {})) unattributed += n;
    }
    if (unattributed > 0) notes.push(`rejected rows: ${unattributed} more in the same loads name no valid symbol`);
    if (notes.some((n) => n.includes('too many'))) return { rejected: null, notes };
    const total = Object.values(byReason).reduce((a, b) => a + b, 0);
    return { rejected: { total, byReason }, notes };
  };
}

export type RejectedRowsCounter = ReturnType<typeof createRejectedRowsCounter>;
