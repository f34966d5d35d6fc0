/**
 * Yahoo's chart API answer (`/v8/finance/chart/{symbol}?…&interval=1d&events=div|split`) as the rows the CSV path
 * already validates, plus the splits and dividends it reports. Pure: the transform validates the rows with the same
 * rules and row accounting as any CSV, so a null close in Yahoo's arrays is a rejected row, never a silent gap.
 */

import { ProviderFormatError, type ProviderAction } from './provider-format';

/** Header of the `yahoo` CSV layout (domain/prices/layouts.ts): no symbol column, the part names the symbol. */
export const YAHOO_CSV_HEADER = 'Date,Open,High,Low,Close,Adj Close,Volume';

/** A split or dividend as Yahoo reports it, on its ex-date. */
export type YahooChartAction = ProviderAction;

export interface YahooChart {
  /** `YAHOO_CSV_HEADER` and one line per timestamp, in Yahoo's order; empty fields where Yahoo has null. */
  csv: string;
  actions: YahooChartAction[];
}

/** The body is not the chart JSON Yahoo documents; the message says what was wrong. */
export class YahooChartFormatError extends ProviderFormatError {
  constructor(message: string) {
    super(`Not a Yahoo chart answer: ${message}`);
    this.name = 'YahooChartFormatError';
  }
}

type Values = readonly unknown[];

export function parseYahooChart(text: string): YahooChart {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new YahooChartFormatError(`invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const result = firstResult(json);
  const toDate = dateInZone(stringAt(result, ['meta', 'exchangeTimezoneName']));
  const timestamps = arrayAt(result, ['timestamp']) ?? [];
  const quote = objectAt(result, ['indicators', 'quote', 0]) ?? {};
  const column = (name: string): Values => arrayAt(quote, [name]) ?? [];
  const [open, high, low, close, volume] = ['open', 'high', 'low', 'close', 'volume'].map(column);
  const adjClose = arrayAt(result, ['indicators', 'adjclose', 0, 'adjclose']) ?? [];

  const lines = [YAHOO_CSV_HEADER];
  timestamps.forEach((timestamp, i) => {
    const date = typeof timestamp === 'number' && Number.isFinite(timestamp) ? toDate(timestamp) : '';
    lines.push([date, ...[open, high, low, close, adjClose, volume].map((values) => field(values[i]))].join(','));
  });
  return { csv: `${lines.join('\n')}\n`, actions: actionsOf(result, toDate) };
}

function firstResult(json: unknown): Record<string, unknown> {
  const result = objectAt(json, ['chart', 'result', 0]);
  if (result) return result;
  const error = objectAt(json, ['chart', 'error']);
  if (error) throw new YahooChartFormatError(`chart.error ${JSON.stringify(error).slice(0, 200)}`);
  throw new YahooChartFormatError('no chart.result[0]');
}

/** A number as the CSV parser reads it; anything else (null, a string) becomes an empty, missing field. */
const field = (value: unknown): string => (typeof value === 'number' && Number.isFinite(value) ? String(value) : '');

function actionsOf(result: Record<string, unknown>, toDate: (seconds: number) => string): YahooChartAction[] {
  const actions: YahooChartAction[] = [];
  for (const [key, event] of Object.entries(objectAt(result, ['events', 'splits']) ?? {})) {
    const numerator = numberAt(event, 'numerator');
    const denominator = numberAt(event, 'denominator');
    const exDate = eventDate(key, event, toDate);
    // A split of 0 shares cannot be stored (ratio > 0) and means Yahoo sent garbage for that event.
    if (exDate && numerator !== undefined && denominator !== undefined && numerator > 0 && denominator > 0) {
      actions.push({ kind: 'split', exDate, ratio: numerator / denominator });
    }
  }
  for (const [key, event] of Object.entries(objectAt(result, ['events', 'dividends']) ?? {})) {
    const amount = numberAt(event, 'amount');
    const exDate = eventDate(key, event, toDate);
    if (exDate && amount !== undefined && amount >= 0) actions.push({ kind: 'dividend', exDate, cashAmount: amount });
  }
  return actions.sort((a, b) => a.exDate.localeCompare(b.exDate) || a.kind.localeCompare(b.kind));
}

/** Yahoo keys events by their timestamp and repeats it as `date`; either will do. */
function eventDate(key: string, event: unknown, toDate: (seconds: number) => string): string | undefined {
  const seconds = numberAt(event, 'date') ?? (/^\d+$/.test(key) ? Number(key) : undefined);
  return seconds === undefined ? undefined : toDate(seconds);
}

/**
 * Yahoo stamps a daily bar at the session's open; the calendar date is the exchange's (a Tokyo bar is stamped the
 * evening before in UTC). Without a known time zone, New York's, where the US listings this project loads trade.
 */
function dateInZone(timeZone: string | undefined): (seconds: number) => string {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? 'America/New_York' });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' });
  }
  return (seconds) => {
    const parts = Object.fromEntries(format.formatToParts(new Date(seconds * 1000)).map((p) => [p.type, p.value]));
    return `${parts.year}-${parts.month}-${parts.day}`;
  };
}

function at(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current;
}

function objectAt(value: unknown, path: readonly (string | number)[]): Record<string, unknown> | undefined {
  const found = at(value, path);
  return found !== null && typeof found === 'object' && !Array.isArray(found)
    ? (found as Record<string, unknown>)
    : undefined;
}

const arrayAt = (value: unknown, path: readonly (string | number)[]): Values | undefined => {
  const found = at(value, path);
  return Array.isArray(found) ? found : undefined;
};

const stringAt = (value: unknown, path: readonly (string | number)[]): string | undefined => {
  const found = at(value, path);
  return typeof found === 'string' ? found : undefined;
};

const numberAt = (value: unknown, key: string): number | undefined => {
  const found = at(value, [key]);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
};
