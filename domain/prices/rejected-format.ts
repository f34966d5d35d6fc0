/** The rejected/ object: one CSV line per rejected row, so a person can find and fix each one. */
import type { RejectedRow } from './parse';

/** Header line of the rejected CSV, with its line break. */
export const REJECTED_HEADER = 'line,reason,symbol,date,raw\n';

/** `7,invalid_date,AAPL,,"AAPL,2015-02-30,..."\n`: raw always quoted, null symbol/date as empty fields. */
export function toRejectedCsvLine(row: RejectedRow): string {
  return `${row.line},${row.reason},${csvField(row.symbol ?? '')},${csvField(row.date ?? '')},${quote(row.raw)}\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? quote(value) : value;
}

function quote(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}
