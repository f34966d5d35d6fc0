/** The CSV layouts a price file can have; the header line decides which one applies. */

export type LayoutName = 'ohlcv-name' | 'yahoo' | 'stooq' | 'close-only';

/** Where each value sits in a row (0-based field index), or null when the layout has no such column. */
export interface LayoutColumns {
  symbol: number | null;
  date: number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adjClose: number | null;
  volume: number | null;
}

export interface PriceLayout {
  name: LayoutName;
  /** Number of header fields: a row with more is flagged `extra_fields`. */
  width: number;
  hasSymbol: boolean;
  /** True when open/high/low/volume are columns of the layout, so an empty value is missing data to flag. */
  hasOhlcv: boolean;
  columns: LayoutColumns;
}

type ColumnKey = keyof LayoutColumns;

interface LayoutSpec {
  name: LayoutName;
  /** Header name (normalized: lower case, no spaces or underscores) → the value it holds. */
  required: Record<string, ColumnKey>;
  optional?: Record<string, ColumnKey>;
  example: string;
}

const OHLC = { date: 'date', open: 'open', high: 'high', low: 'low', close: 'close' } as const;

// Order matters only for the error message: no header can match two specs, because each spec
// needs an exact column set.
const LAYOUT_SPECS: readonly LayoutSpec[] = [
  {
    name: 'ohlcv-name',
    required: { ...OHLC, volume: 'volume', name: 'symbol' },
    example: 'date,open,high,low,close,volume,Name',
  },
  {
    name: 'yahoo',
    required: { ...OHLC, adjclose: 'adjClose', volume: 'volume' },
    example: 'Date,Open,High,Low,Close,Adj Close,Volume',
  },
  {
    name: 'stooq',
    required: OHLC,
    // Stooq leaves out Volume for series that have none (indices, currencies).
    optional: { volume: 'volume' },
    example: 'Date,Open,High,Low,Close[,Volume]',
  },
  { name: 'close-only', required: { symbol: 'symbol', date: 'date', price: 'close' }, example: 'symbol,date,price' },
];

export const SUPPORTED_LAYOUTS: readonly string[] = LAYOUT_SPECS.map((spec) => `${spec.name} (${spec.example})`);

export class UnknownLayoutError extends Error {
  constructor(readonly header: readonly string[]) {
    super(
      `Unknown price file layout: header [${describeHeader(header)}]. ` +
        `Supported layouts (column names are case-insensitive): ${SUPPORTED_LAYOUTS.join('; ')}.`,
    );
    this.name = 'UnknownLayoutError';
  }
}

/** A header as a person reads it in a message, short whatever the input (a 50 MB line is one "field"). */
function describeHeader(header: readonly string[]): string {
  const shown = header.slice(0, 12).map((f) => (f.length > 40 ? `${f.slice(0, 40)}… (${f.length} chars)` : f));
  return shown.join(',') + (header.length > 12 ? `, … ${header.length - 12} more fields` : '');
}

/** `Adj Close`, `adj_close` and `adjclose` are the same column. */
function normalizeHeaderName(field: string): string {
  return field
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');
}

/**
 * Detects the layout from the header fields, case-insensitively and in any column order.
 * A header must have exactly the columns of one layout: an extra column would mean data we silently drop.
 */
export function detectLayout(header: string[]): PriceLayout {
  const names = header.map(normalizeHeaderName);
  for (const spec of LAYOUT_SPECS) {
    const columns = matchSpec(spec, names);
    if (columns) {
      return {
        name: spec.name,
        width: header.length,
        hasSymbol: columns.symbol !== null,
        hasOhlcv: columns.open !== null,
        columns,
      };
    }
  }
  throw new UnknownLayoutError(header);
}

function matchSpec(spec: LayoutSpec, names: string[]): LayoutColumns | null {
  const found = new Map<ColumnKey, number>();
  for (const [index, name] of names.entries()) {
    const key = spec.required[name] ?? spec.optional?.[name];
    if (key === undefined || found.has(key)) return null;
    found.set(key, index);
  }
  if (Object.values(spec.required).some((key) => !found.has(key))) return null;
  const at = (key: ColumnKey): number | null => found.get(key) ?? null;
  return {
    symbol: at('symbol'),
    date: found.get('date') as number,
    open: at('open'),
    high: at('high'),
    low: at('low'),
    close: found.get('close') as number,
    adjClose: at('adjClose'),
    volume: at('volume'),
  };
}
