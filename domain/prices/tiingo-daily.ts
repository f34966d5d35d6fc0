/**
 * Tiingo's end-of-day prices answer (`/tiingo/daily/{ticker}/prices?startDate&endDate`), a JSON array of bars, as the
 * rows the CSV path already validates plus the splits (`splitFactor` ≠ 1) and cash dividends (`divCash` > 0) it
 * reports. Pure. Tiingo stamps each bar at midnight UTC of its trading date, so the date is the timestamp's day.
 */
import { byExDate, csvField, dayActions, isoDay, ProviderFormatError, type ProviderAction } from './provider-format';
import { YAHOO_CSV_HEADER } from './yahoo-chart';

export interface TiingoDaily {
  /** The `yahoo` layout's header (Date,Open,High,Low,Close,Adj Close,Volume) and one line per bar, oldest first. */
  csv: string;
  actions: ProviderAction[];
}

export class TiingoFormatError extends ProviderFormatError {
  constructor(message: string) {
    super(`Not a Tiingo daily prices answer: ${message}`);
    this.name = 'TiingoFormatError';
  }
}

export function parseTiingoDaily(text: string): TiingoDaily {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new TiingoFormatError(`invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!Array.isArray(json)) {
    const detail = isObject(json) && typeof json.detail === 'string' ? `: ${json.detail.slice(0, 200)}` : '';
    throw new TiingoFormatError(`not a JSON array of bars${detail}`);
  }
  const bars = json.map((item) => (isObject(item) ? item : {}));
  const dated = bars.map((bar) => ({ bar, date: isoDay(bar.date) }));
  dated.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const lines = [YAHOO_CSV_HEADER];
  const actions: ProviderAction[] = [];
  for (const { bar, date } of dated) {
    // A missing date stays an empty field (missing_date); one that is not a day becomes a rejected invalid_date.
    const dateField = date ?? (bar.date === undefined || bar.date === null ? '' : 'invalid');
    lines.push(
      [dateField, ...[bar.open, bar.high, bar.low, bar.close, bar.adjClose, bar.volume].map(csvField)].join(','),
    );
    if (date) actions.push(...dayActions(date, bar.splitFactor, bar.divCash));
  }
  return { csv: `${lines.join('\n')}\n`, actions: actions.sort(byExDate) };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
