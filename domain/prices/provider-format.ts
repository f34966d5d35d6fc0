/**
 * What every provider format converter shares: its error, the corporate actions it reports, and how a provider's
 * value becomes a CSV field the price validation reads. Pure.
 */

/** A split or dividend as a provider reports it, on its ex-date. */
export type ProviderAction =
  { kind: 'split'; exDate: string; ratio: number } | { kind: 'dividend'; exDate: string; cashAmount: number };

/** The body is not the answer the provider documents; the message names the provider and what was wrong. */
export class ProviderFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderFormatError';
  }
}

/** A decimal as providers write it in text ("185.6400"), or a number: digits only, so no comma splits a CSV row. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A provider's value as the CSV parser reads it: a number or a decimal string as is, null or an absent value as an
 * empty (missing) field, and anything else as a token the parser rejects as `invalid_number`, never a silent gap.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'invalid';
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed === '') return '';
    return DECIMAL.test(trimmed) ? trimmed : 'invalid';
  }
  return 'invalid';
}

/** A finite number from a provider's number or decimal string, else undefined. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && DECIMAL.test(value.trim())) return Number(value.trim());
  return undefined;
}

/**
 * The actions one day reports: a split when the coefficient is a positive number other than 1 (AV's "split
 * coefficient", Tiingo's `splitFactor`, new shares per old), a dividend when the cash is above 0.
 */
export function dayActions(exDate: string, splitFactor: unknown, dividendCash: unknown): ProviderAction[] {
  const actions: ProviderAction[] = [];
  const cash = numberOf(dividendCash);
  if (cash !== undefined && cash > 0) actions.push({ kind: 'dividend', exDate, cashAmount: cash });
  const ratio = numberOf(splitFactor);
  // A factor of 0 (or below) cannot be stored (ratio > 0) and means the provider sent garbage for that day.
  if (ratio !== undefined && ratio > 0 && ratio !== 1) actions.push({ kind: 'split', exDate, ratio });
  return actions;
}

/** By ex-date, a dividend before a split on the same day, as every converter returns them. */
export const byExDate = (a: ProviderAction, b: ProviderAction): number =>
  a.exDate.localeCompare(b.exDate) || a.kind.localeCompare(b.kind);

/** ISO `YYYY-MM-DD` at the start of a provider's date or timestamp ("2024-01-02T00:00:00.000Z"), else undefined. */
export function isoDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const day = /^(\d{4}-\d{2}-\d{2})(T|$)/.exec(value.trim());
  return day?.[1];
}
