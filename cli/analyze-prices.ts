/** Reads the bars of one symbol from a price CSV, with the project's layout detection and row validation. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { PriceBar } from '../contracts/prices';
import {
  isValidSymbol,
  parsePrices,
  SymbolRequiredError,
  symbolFromFileName,
  UnknownLayoutError,
} from '../domain/prices';

/** The price file cannot be used; the message is one line naming the file and the problem. */
export class PriceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PriceFileError';
  }
}

export interface SymbolBars {
  symbol: string;
  /** Ascending by date. */
  bars: PriceBar[];
  /** Rows the validator rejected (bad numbers, duplicates, …); they are left out of `bars`. */
  rejected: number;
}

async function assertReadableFile(file: string): Promise<void> {
  try {
    if (!(await stat(file)).isFile()) throw new PriceFileError(`${file}: not a file`);
  } catch (error) {
    if (error instanceof PriceFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PriceFileError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'unreadable')}`);
  }
}

/**
 * The bars of `symbol`, or of the only symbol in the file when `symbol` is absent. A file without a symbol column
 * is taken to hold `symbol`, or the symbol in its name (`AAPL_2013-02-08_2018-02-07.csv` → AAPL).
 */
export async function readSymbolBars(file: string, symbol?: string): Promise<SymbolBars> {
  await assertReadableFile(file);
  const fromName = symbolFromFileName(file);
  const parse = parsePrices(createReadStream(file), {
    symbol: symbol ?? (isValidSymbol(fromName) ? fromName : undefined),
    symbols: symbol === undefined ? undefined : new Set([symbol]),
  });
  const bySymbol = new Map<string, PriceBar[]>();
  let rejected = 0;
  try {
    for await (const events of parse.events) {
      for (const event of events) {
        if (event.kind === 'rejected') rejected++;
        if (event.kind !== 'bar') continue;
        const bars = bySymbol.get(event.bar.symbol) ?? [];
        bars.push(event.bar);
        bySymbol.set(event.bar.symbol, bars);
      }
      // Without --symbol a second symbol is already an error: no need to read the rest of a large file.
      if (symbol === undefined && bySymbol.size > 1) break;
    }
  } catch (error) {
    if (error instanceof UnknownLayoutError) throw new PriceFileError(`${file}: ${error.message}`);
    if (error instanceof SymbolRequiredError) {
      throw new PriceFileError(`${file}: the file has no symbol column and its name gives none; pass --symbol`);
    }
    throw error;
  }
  return pickSymbol(file, bySymbol, symbol, rejected);
}

function pickSymbol(
  file: string,
  bySymbol: Map<string, PriceBar[]>,
  symbol: string | undefined,
  rejected: number,
): SymbolBars {
  if (bySymbol.size === 0) {
    throw new PriceFileError(symbol ? `${file}: no valid rows for symbol ${symbol}` : `${file}: no valid price rows`);
  }
  if (bySymbol.size > 1) {
    const shown = [...bySymbol.keys()].slice(0, 2).join(', ');
    throw new PriceFileError(`${file} holds more than one symbol (${shown}, …); pick one with --symbol`);
  }
  const [[found, bars]] = [...bySymbol];
  // Files are usually ascending, but nothing in a CSV promises it.
  bars.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { symbol: found, bars, rejected };
}
