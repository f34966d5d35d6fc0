/**
 * Alpha Vantage's TIME_SERIES_DAILY_ADJUSTED answer, JSON (`datatype=json`, the default) or CSV (`datatype=csv`), as
 * the rows the CSV path already validates plus the splits and dividends it reports. Pure. Alpha Vantage has no range
 * parameters: every bar it has is here, and the transform's [from, to] filter counts the others as filtered.
 */
import { byExDate, csvField, dayActions, isoDay, ProviderFormatError, type ProviderAction } from './provider-format';
import { YAHOO_CSV_HEADER } from './yahoo-chart';

export interface AlphaVantageDaily {
  /** The `yahoo` layout's header (Date,Open,High,Low,Close,Adj Close,Volume) and one line per day, oldest first. */
  csv: string;
  actions: ProviderAction[];
}

export class AlphaVantageFormatError extends ProviderFormatError {
  constructor(message: string) {
    super(`Not an Alpha Vantage daily adjusted answer: ${message}`);
    this.name = 'AlphaVantageFormatError';
  }
}

/** The JSON answer's series key and its fields, as documented. */
const SERIES_KEY = 'Time Series (Daily)';
const JSON_FIELDS = {
  open: '1. open',
  high: '2. high',
  low: '3. low',
  close: '4. close',
  adjClose: '5. adjusted close',
  volume: '6. volume',
  dividend: '7. dividend amount',
  split: '8. split coefficient',
} as const;

/** The CSV answer's columns, as documented. */
const CSV_COLUMNS = [
  'timestamp',
  'open',
  'high',
  'low',
  'close',
  'adjusted_close',
  'volume',
  'dividend_amount',
  'split_coefficient',
] as const;

/**
 * The keys Alpha Vantage answers with instead of a series, with HTTP 200: `Error Message` (an invalid call, e.g. an
 * unknown symbol or a bad key), `Note` and `Information` (a rate limit, or an endpoint the key's plan lacks).
 */
export const ALPHAVANTAGE_NOTICE_KEYS = ['Error Message', 'Note', 'Information'] as const;
export type AlphaVantageNoticeKey = (typeof ALPHAVANTAGE_NOTICE_KEYS)[number];

interface Day {
  date: string;
  open: unknown;
  high: unknown;
  low: unknown;
  close: unknown;
  adjClose: unknown;
  volume: unknown;
  dividend: unknown;
  split: unknown;
}

export function parseAlphaVantageDaily(text: string): AlphaVantageDaily {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  const days = body.startsWith('{') ? daysOfJson(body) : daysOfCsv(body);
  days.sort((a, b) => a.date.localeCompare(b.date));
  const lines = [YAHOO_CSV_HEADER];
  const actions: ProviderAction[] = [];
  for (const day of days) {
    // A date that is not a plain token would break the row: the parser rejects the word as an invalid date.
    const date = day.date === '' || /^[\w-]+$/.test(day.date) ? day.date : 'invalid';
    lines.push([date, ...[day.open, day.high, day.low, day.close, day.adjClose, day.volume].map(csvField)].join(','));
    const exDate = isoDay(day.date);
    if (exDate) actions.push(...dayActions(exDate, day.split, day.dividend));
  }
  return { csv: `${lines.join('\n')}\n`, actions: actions.sort(byExDate) };
}

/** The notice an answer holds instead of a series (`{"Note": "..."}`), or undefined. Pure, for the classifier. */
export function alphaVantageNotice(text: string): { key: AlphaVantageNoticeKey; message: string } | undefined {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (!isObject(json) || SERIES_KEY in json) return undefined;
  for (const key of ALPHAVANTAGE_NOTICE_KEYS) {
    if (key in json) return { key, message: String(json[key]) };
  }
  return undefined;
}

function daysOfJson(body: string): Day[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    throw new AlphaVantageFormatError(`invalid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!isObject(json)) throw new AlphaVantageFormatError('not a JSON object');
  const series = json[SERIES_KEY];
  if (!isObject(series)) {
    const notice = ALPHAVANTAGE_NOTICE_KEYS.find((key) => key in json);
    throw new AlphaVantageFormatError(
      notice ? `${notice}: ${String(json[notice]).slice(0, 200)}` : `no "${SERIES_KEY}" object`,
    );
  }
  return Object.entries(series).map(([date, values]) => {
    const day = isObject(values) ? values : {};
    return {
      date,
      open: day[JSON_FIELDS.open],
      high: day[JSON_FIELDS.high],
      low: day[JSON_FIELDS.low],
      close: day[JSON_FIELDS.close],
      adjClose: day[JSON_FIELDS.adjClose],
      volume: day[JSON_FIELDS.volume],
      dividend: day[JSON_FIELDS.dividend],
      split: day[JSON_FIELDS.split],
    };
  });
}

/** Alpha Vantage's CSV has no quoted fields; the columns are found by name, so their order does not matter. */
function daysOfCsv(body: string): Day[] {
  const [header = '', ...rows] = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  const names = header.split(',').map((name) => name.trim().toLowerCase());
  const missing = CSV_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new AlphaVantageFormatError(`CSV header "${header.slice(0, 200)}" lacks ${missing.join(', ')}`);
  }
  const index = Object.fromEntries(CSV_COLUMNS.map((column) => [column, names.indexOf(column)])) as Record<
    (typeof CSV_COLUMNS)[number],
    number
  >;
  return rows.map((row) => {
    const fields = row.split(',');
    return {
      date: fields[index.timestamp]?.trim() ?? '',
      open: fields[index.open],
      high: fields[index.high],
      low: fields[index.low],
      close: fields[index.close],
      adjClose: fields[index.adjusted_close],
      volume: fields[index.volume],
      dividend: fields[index.dividend_amount],
      split: fields[index.split_coefficient],
    };
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
