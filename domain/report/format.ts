/** Text for the tearsheet: escaped for HTML, numbers in the units investors read. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe in element content and in quoted attribute values. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export const DASH = '—';

/** A finite number, or null for anything else (a JSON document has null where a metric is undefined). */
export const finite = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

export function fmtPercent(value: unknown, digits = 1): string {
  const v = finite(value);
  if (v === null) return DASH;
  const text = (v * 100).toFixed(digits);
  return `${Number(text) === 0 ? (0).toFixed(digits) : text}%`;
}

export function fmtNumber(value: unknown, digits = 2): string {
  const v = finite(value);
  return v === null
    ? DASH
    : v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function fmtInteger(value: unknown): string {
  const v = finite(value);
  return v === null ? DASH : Math.round(v).toLocaleString('en-US');
}

/** $1.2B style, for amounts of money in the fundamentals. */
export function fmtMoney(value: unknown): string {
  const v = finite(value);
  if (v === null) return DASH;
  const abs = Math.abs(v);
  const sign = v < 0 ? '−' : '';
  if (abs >= 1e9) return `${sign}$${(abs / 1e9).toFixed(1)}B`;
  if (abs >= 1e6) return `${sign}$${(abs / 1e6).toFixed(1)}M`;
  return `${sign}$${abs.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
}

/** A number as a CSS class: a gain reads green, a loss red. */
export function signClass(value: unknown): string {
  const v = finite(value);
  return v === null || v === 0 ? '' : v > 0 ? 'pos' : 'neg';
}
