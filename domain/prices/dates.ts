/** Trading dates in the spellings price files use, turned into ISO `YYYY-MM-DD`. */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// `Jan 1 2000` (vega-datasets), also with a comma: `Jan 1, 2000`.
const MONTH_NAME_DATE = /^([A-Za-z]{3})\s+(\d{1,2}),?\s+(\d{4})$/;

const DIGIT_0 = 48;

/**
 * ISO date for `YYYY-MM-DD`, `YYYYMMDD` or `Mon D YYYY`; null when the text is none of these or names a day
 * that does not exist (2015-02-30). Expects trimmed, non-empty text.
 */
export function parseDate(text: string): string | null {
  // ISO is by far the most common: check it without a regex and return the input string itself.
  if (text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const year = digits(text, 0, 4);
    const month = digits(text, 5, 2);
    const day = digits(text, 8, 2);
    return isRealDay(year, month, day) ? text : null;
  }
  if (text.length === 8) {
    const year = digits(text, 0, 4);
    const month = digits(text, 4, 2);
    const day = digits(text, 6, 2);
    return isRealDay(year, month, day) ? formatIso(year, month, day) : null;
  }
  const named = MONTH_NAME_DATE.exec(text);
  if (named) {
    const month = MONTHS.indexOf(named[1].toLowerCase()) + 1;
    const day = Number(named[2]);
    const year = Number(named[3]);
    return isRealDay(year, month, day) ? formatIso(year, month, day) : null;
  }
  return null;
}

/** True for a strict ISO date that exists; for options such as `from`/`to`. */
export function isIsoDate(text: string): boolean {
  return text.length === 10 && parseDate(text) === text;
}

/** A compact number for an ISO date (20150217), cheap to keep in a set for every row of a large file. */
export function isoDateKey(iso: string): number {
  return digits(iso, 0, 4) * 10000 + digits(iso, 5, 2) * 100 + digits(iso, 8, 2);
}

/** The number written by `count` ASCII digits from `start`, or -1 if any of them is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

function isRealDay(year: number, month: number, day: number): boolean {
  // Year 0 does not exist in the Gregorian calendar and Postgres refuses it.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function formatIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
