/** The row rules: one verdict per row, the first rule that fails in the order of REJECT_REASONS. */
import type { PriceBar, QualityFlag, RejectReason } from '../../contracts/prices';
import { parseDate } from './dates';
import type { PriceLayout } from './layouts';
import { parseNumber } from './numbers';
import type { SymbolCheck } from './symbols';

export type RowVerdict =
  { bar: PriceBar; reason: null } | { bar: null; reason: RejectReason; symbol: string | null; date: string | null };

/**
 * Validates one row whose symbol was already checked (the parser caches symbol checks). Duplicates are not
 * seen here: that needs the rows before, see DuplicateTracker.
 *
 * Missing data decision: open/high/low/volume are flagged `missing_*` only in layouts that have those columns
 * (and Stooq's volume-less variant, whose volume is missing); a close-only file documents that it has nothing
 * but the close, so its rows carry no flags (except `extra_fields`, which any layout can have).
 *
 * `today` is the exchange's calendar date (see exchangeDate): a bar after it is rejected `date_in_future`.
 */
export function validateRow(
  fields: readonly string[],
  layout: PriceLayout,
  symbolCheck: SymbolCheck,
  today: string,
): RowVerdict {
  if (symbolCheck.reason !== null) return reject(symbolCheck.reason, null, null);
  const symbol = symbolCheck.symbol;
  const columns = layout.columns;

  const dateText = fieldAt(fields, columns.date);
  if (dateText.length === 0) return reject('missing_date', symbol, null);
  const date = parseDate(dateText);
  if (date === null) return reject('invalid_date', symbol, null);
  if (date > today) return reject('date_in_future', symbol, date);

  let open = numberAt(fields, columns.open);
  let high = numberAt(fields, columns.high);
  let low = numberAt(fields, columns.low);
  const close = numberAt(fields, columns.close);
  let adjClose = numberAt(fields, columns.adjClose);
  const rawVolume = numberAt(fields, columns.volume);
  if (isMalformed(open) || isMalformed(high) || isMalformed(low) || isMalformed(close) || isMalformed(adjClose)) {
    return reject('invalid_number', symbol, date);
  }
  // A negative or astronomically large volume is not a volume. A few feeds write `1234.0`, which is whole;
  // `1.5` shares is not, and rounding it would store a number the source never gave.
  const volume = rawVolume;
  if (volume !== null) {
    if (Number.isNaN(volume) || volume < 0 || volume > Number.MAX_SAFE_INTEGER)
      return reject('invalid_number', symbol, date);
    if (!Number.isInteger(volume)) return reject('fractional_volume', symbol, date);
  }

  // A price of exactly 0 is how several feeds write "no price": treat it as missing.
  if (close === null || close === 0) return reject('missing_close', symbol, date);
  if (close < 0 || isNegative(open) || isNegative(high) || isNegative(low) || isNegative(adjClose)) {
    return reject('negative_price', symbol, date);
  }
  open = zeroAsMissing(open);
  high = zeroAsMissing(high);
  low = zeroAsMissing(low);
  adjClose = zeroAsMissing(adjClose);

  if (high !== null && low !== null) {
    if (high < low) return reject('high_below_low', symbol, date);
    if (open !== null && (open < low || open > high)) return reject('open_outside_range', symbol, date);
    if (close < low || close > high) return reject('close_outside_range', symbol, date);
  }

  const flags: QualityFlag[] = [];
  if (layout.hasOhlcv) {
    if (open === null) flags.push('missing_open');
    if (high === null) flags.push('missing_high');
    if (low === null) flags.push('missing_low');
    if (volume === null) flags.push('missing_volume');
    else if (volume === 0) flags.push('zero_volume');
  }
  if (fields.length > layout.width) flags.push('extra_fields');
  return { bar: { symbol, date, open, high, low, close, adjClose, volume, flags }, reason: null };
}

function reject(reason: RejectReason, symbol: string | null, date: string | null): RowVerdict {
  return { bar: null, reason, symbol, date };
}

/** A short row reads as empty fields, so its missing columns are missing values. */
function fieldAt(fields: readonly string[], index: number): string {
  const field = fields[index];
  return field === undefined ? '' : field.trim();
}

function numberAt(fields: readonly string[], index: number | null): number | null {
  return index === null ? null : parseNumber(fieldAt(fields, index));
}

/** True only for NaN (present but not a number); null is a missing value and passes. */
function isMalformed(value: number | null): boolean {
  return value !== null && Number.isNaN(value);
}

function isNegative(value: number | null): boolean {
  return value !== null && value < 0;
}

function zeroAsMissing(value: number | null): number | null {
  return value === 0 ? null : value;
}
