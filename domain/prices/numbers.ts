/** Numeric fields: a value, missing, or not a number at all. */

/** Returned for a field that is present but is not a plain decimal number. */
export const NOT_A_NUMBER = Number.NaN;

// Exports write "no value" in several ways; all of them mean missing, not malformed.
const MISSING_MARKERS = new Set(['', 'null', 'nan', 'na', 'n/a']);

/**
 * The number in a trimmed field: null when it is empty or a missing-value marker (`null`, `NaN`, `NA`, `N/A`),
 * NaN when it is present but not a finite decimal number. Hex, binary, octal and `Infinity`, which `Number()`
 * would accept, are not prices.
 */
export function parseNumber(text: string): number | null {
  if (text.length === 0) return null;
  const value = Number(text);
  if (Number.isNaN(value)) return MISSING_MARKERS.has(text.toLowerCase()) ? null : NOT_A_NUMBER;
  if (!Number.isFinite(value) || hasRadixPrefix(text)) return NOT_A_NUMBER;
  return value;
}

/** `0x1A`, `0b1`, `0o7`: the only letters after a leading 0 that `Number()` accepts and a decimal cannot have. */
function hasRadixPrefix(text: string): boolean {
  if (text.length < 2 || text.charCodeAt(0) !== 48) return false;
  const second = text.charCodeAt(1) | 0x20;
  return second === 0x78 || second === 0x62 || second === 0x6f;
}
