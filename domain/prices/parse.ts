/** CSV bytes in, validated bars and rejected rows out, with exact row accounting. */
import type { PriceBar, RejectReason } from '../../contracts/prices';
import { RowCounter, type PriceCounts } from './counts';
import { csvRecords, type CsvRecord } from './csv-records';
import { isIsoDate } from './dates';
import { exchangeDate } from './exchange-date';
import { assertCsvText } from './text-check';
import { DuplicateTracker } from './duplicates';
import { detectLayout, UnknownLayoutError, type PriceLayout } from './layouts';
import { checkSymbol, isValidSymbol, normalizeSymbol, type SymbolCheck } from './symbols';
import { validateRow } from './validate';

export interface ParseOptions {
  /** The symbol of a file whose layout has no symbol column (then required); ignored otherwise. */
  symbol?: string;
  /** Only these symbols are read; other rows are skipped without being counted. Case-insensitive. */
  symbols?: ReadonlySet<string>;
  /** Inclusive ISO date bounds; valid rows outside them are counted as filtered. */
  from?: string;
  to?: string;
  /**
   * Pairs already seen by earlier inputs of the same batch: pass one tracker to several calls so a
   * (symbol, date) repeated across files is a duplicate too.
   */
  seen?: DuplicateTracker;
  /** Lines longer than this throw LineTooLongError (default DEFAULT_MAX_LINE_BYTES, 1 MiB). */
  maxLineBytes?: number;
  /** The exchange's date today (ISO); later bars are rejected `date_in_future`. Defaults to the clock's. */
  today?: string;
}

export interface RejectedRow {
  /** Physical line in the input, the header being line 1. */
  line: number;
  reason: RejectReason;
  /** The normalized symbol, or null when it is missing or invalid (see `raw`). */
  symbol: string | null;
  /** The ISO date, or null when it is missing or invalid (see `raw`). */
  date: string | null;
  raw: string;
}

export type PriceEvent = { kind: 'bar'; bar: PriceBar } | { kind: 'rejected'; row: RejectedRow } | { kind: 'filtered' };

export interface PriceParse {
  /** Events in arrays (one per input chunk) for speed. Throws UnknownLayoutError or SymbolRequiredError on the header. */
  events: AsyncGenerator<PriceEvent[]>;
  /** Counts so far; complete when `events` has ended. Throws if called before the header was read. */
  counts: () => PriceCounts;
}

/** The file's layout has no symbol column and the caller gave no `symbol`. */
export class SymbolRequiredError extends Error {
  constructor(readonly layout: PriceLayout['name']) {
    super(`The ${layout} layout has no symbol column: pass the symbol of the file (option \`symbol\`).`);
    this.name = 'SymbolRequiredError';
  }
}

const FILTERED: PriceEvent = Object.freeze({ kind: 'filtered' });
// Symbol checks are cached by raw field; the bound keeps a file of junk symbols from growing the cache forever.
const SYMBOL_CACHE_LIMIT = 10_000;

/**
 * Streams a price CSV. The layout comes from the first non-blank line.
 *
 * Validation comes before the date-range filter, so a bad row is reported as rejected whatever its date, and a
 * duplicate of an out-of-range row is still a duplicate. Rows outside `symbols` are not read at all: the caller
 * restricted its input (a row whose symbol is missing or invalid cannot be in the set, so it is skipped too).
 *
 * Options are checked at once (bad `from`/`to`/`symbol` throw here); layout errors, NotCsvTextError and
 * LineTooLongError surface from `events`.
 */
export function parsePrices(input: AsyncIterable<Buffer | string>, options: ParseOptions): PriceParse {
  const settings = checkOptions(options);
  const counter = new RowCounter();
  let layout: PriceLayout | null = null;

  async function* events(): AsyncGenerator<PriceEvent[]> {
    let rows: RowParser | null = null;
    for await (const records of csvRecords(input, { maxLineBytes: options.maxLineBytes })) {
      let start = 0;
      if (rows === null) {
        assertCsvText(records[0].raw);
        layout = detectLayout(records[0].fields);
        rows = new RowParser(layout, settings, counter);
        start = 1;
      }
      const out = rows.parse(records, start);
      if (out.length > 0) yield out;
    }
    if (rows === null) throw new UnknownLayoutError([]);
  }

  return {
    events: events(),
    counts: () => {
      if (layout === null) throw new Error('Price counts are not available before the header line was read.');
      return counter.snapshot(layout.name);
    },
  };
}

interface Settings {
  symbol: string | null;
  symbols: ReadonlySet<string> | null;
  from: string | null;
  to: string | null;
  seen: DuplicateTracker;
  today: string;
}

function checkOptions(options: ParseOptions): Settings {
  for (const bound of ['from', 'to'] as const) {
    const value = options[bound];
    if (value !== undefined && !isIsoDate(value))
      throw new Error(`Option ${bound} must be an ISO date, got "${value}".`);
  }
  if (options.today !== undefined && !isIsoDate(options.today))
    throw new Error(`Option today must be an ISO date, got "${options.today}".`);
  const symbol = options.symbol === undefined ? null : normalizeSymbol(options.symbol);
  if (symbol !== null && !isValidSymbol(symbol))
    throw new Error(`Option symbol "${options.symbol}" is not a valid symbol.`);
  return {
    symbol,
    symbols: options.symbols ? new Set([...options.symbols].map(normalizeSymbol)) : null,
    from: options.from ?? null,
    to: options.to ?? null,
    seen: options.seen ?? new DuplicateTracker(),
    today: options.today ?? exchangeDate(new Date()),
  };
}

/** The per-row pipeline once the layout is known: symbol → skip? → validate → duplicate → date range. */
class RowParser {
  private readonly symbolChecks = new Map<string, SymbolCheck>();
  private readonly fixedSymbol: SymbolCheck | null;

  constructor(
    private readonly layout: PriceLayout,
    private readonly settings: Settings,
    private readonly counter: RowCounter,
  ) {
    if (layout.hasSymbol) this.fixedSymbol = null;
    else if (settings.symbol !== null) this.fixedSymbol = { symbol: settings.symbol, reason: null };
    else throw new SymbolRequiredError(layout.name);
  }

  parse(records: readonly CsvRecord[], start: number): PriceEvent[] {
    const out: PriceEvent[] = [];
    const { symbols, from, to } = this.settings;
    for (let i = start; i < records.length; i++) {
      const record = records[i];
      if (record.malformed) {
        // Its fields are unknowable, so it cannot be matched against `symbols`: it is read, and rejected.
        this.counter.countRead();
        out.push(this.rejected(record, 'malformed_record', null, null));
        continue;
      }
      const symbolCheck = this.fixedSymbol ?? this.checkSymbolField(record.fields);
      if (symbols !== null && (symbolCheck.symbol === null || !symbols.has(symbolCheck.symbol))) continue;
      this.counter.countRead();

      const verdict = validateRow(record.fields, this.layout, symbolCheck, this.settings.today);
      if (verdict.bar === null) {
        out.push(this.rejected(record, verdict.reason, verdict.symbol, verdict.date));
        continue;
      }
      const bar = verdict.bar;
      if (!this.settings.seen.add(bar.symbol, bar.date)) {
        out.push(this.rejected(record, 'duplicate', bar.symbol, bar.date));
      } else if ((from !== null && bar.date < from) || (to !== null && bar.date > to)) {
        this.counter.countFiltered();
        out.push(FILTERED);
      } else {
        this.counter.countLoaded(bar.symbol, bar.flags);
        out.push({ kind: 'bar', bar });
      }
    }
    return out;
  }

  private checkSymbolField(fields: readonly string[]): SymbolCheck {
    const field = fields[this.layout.columns.symbol as number] ?? '';
    let check = this.symbolChecks.get(field);
    if (check === undefined) {
      if (this.symbolChecks.size >= SYMBOL_CACHE_LIMIT) this.symbolChecks.clear();
      check = checkSymbol(field);
      this.symbolChecks.set(field, check);
    }
    return check;
  }

  private rejected(record: CsvRecord, reason: RejectReason, symbol: string | null, date: string | null): PriceEvent {
    this.counter.countRejected(reason);
    return { kind: 'rejected', row: { line: record.line, reason, symbol, date, raw: record.raw } };
  }
}
