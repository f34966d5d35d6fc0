/** Ticker symbols: what a valid one looks like, and how to take one from a file name. */

// Letters, digits and the punctuation real tickers use: BRK.B, BF.B, ^GSPC, EURUSD=X, RDS-A.
// At least one letter or digit, so a lone "." or "^" is not a symbol.
const SYMBOL = /^(?=.*[A-Za-z0-9])[A-Za-z0-9.\-^=]{1,20}$/;

/** True for BRK.B, ^GSPC, EURUSD=X; the parser upper-cases symbols, so lower case is accepted here. */
export function isValidSymbol(s: string): boolean {
  return SYMBOL.test(s);
}

export function normalizeSymbol(s: string): string {
  return s.trim().toUpperCase();
}

/**
 * The other spelling of a share-class ticker: SEC's ticker files, Yahoo and Stooq write `BRK-B`, many price files
 * `BRK.B`. Only a single `.` or `-` between letters is a class separator: `^GSPC`, `EURUSD=X` have none.
 */
export function otherShareClassSpelling(symbol: string): string | null {
  const match = /^([A-Z0-9]+)([.-])([A-Z])$/i.exec(symbol);
  if (!match) return null;
  return `${match[1]}${match[2] === '.' ? '-' : '.'}${match[3]}`;
}

// Only these extensions are cut, so the `.B` of `BRK.B` survives.
const DATA_EXTENSION = /\.(csv|txt|tsv)(\.gz)?$/i;
// The date range part of `GSPC_1927_2023` or `nvda-1999-2014` starts at a `_` or `-` followed by a digit.
const DATE_SUFFIX = /[_-](?=\d).*$/;

/**
 * `GSPC_1927_2023.csv` → `GSPC`, `nvda-1999-2014.csv` → `NVDA`, `BRK.B.csv` → `BRK.B`, `sp500-2000.csv` → `SP500`.
 * The result is not checked: pass it through `isValidSymbol`.
 */
export function symbolFromFileName(filePath: string): string {
  const baseName = filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
  return baseName.replace(DATA_EXTENSION, '').replace(DATE_SUFFIX, '').toUpperCase();
}

/** A symbol field checked once: the normalized symbol, or why the row is rejected. */
export type SymbolCheck =
  { symbol: string; reason: null } | { symbol: null; reason: 'missing_symbol' | 'invalid_symbol' };

export function checkSymbol(field: string): SymbolCheck {
  const symbol = normalizeSymbol(field);
  if (symbol.length === 0) return { symbol: null, reason: 'missing_symbol' };
  return isValidSymbol(symbol) ? { symbol, reason: null } : { symbol: null, reason: 'invalid_symbol' };
}
