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

/** The JSON answer's series key. */
const SERIES_KEY = 'Time Series (Daily)';
/** The CSV answer's date column. */
const CSV_DATE_COLUMN = 'timestamp';

/** Each value of a day by its name in the JSON answer and its column in the CSV answer, as documented. */
const FIELDS = {
  open: { json: '1. open', csv: 'open' },
  high: { json: '2. high', csv: 'high' },
  low: { json: '3. low', csv: 'low' },
  close: { json: '4. close', csv: 'close' },
  adjClose: { json: '5. adjusted close', csv: 'adjusted_close' },
  volume: { json: '6. volume', csv: 'volume' },
  dividend: { json: '7. dividend amount', csv: 'dividend_amount' },
  split: { json: '8. split coefficient', csv: 'split_coefficient' },
} as const;
type Field = keyof typeof FIELDS;
const FIELD_NAMES = Object.keys(FIELDS) as Field[];

/**
 * The keys Alpha Vantage answers with instead of a series, with HTTP 200: `Error Message` (an invalid call, e.g. an
 * unknown symbol or a bad key), `Note` and `Information` (a rate limit, or an endpoint the key's plan lacks).
 */
export const ALPHAVANTAGE_NOTICE_KEYS = ['Error Message', 'Note', 'Information'] as const;
export type AlphaVantageNoticeKey = (typeof ALPHAVANTAGE_NOTICE_KEYS)[number];

type Day = { date: string } & Record<Field, unknown>;

/** A day from its date and the value of each field. */
const dayOf = (date: string, valueOf: (field: Field) => unknown): Day =>
  Object.assign({ date }, ...FIELD_NAMES.map((field) => ({ [field]: valueOf(field) }))) as Day;

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
    return dayOf(date, (field) => day[FIELDS[field].json]);
  });
}

/** Alpha Vantage's CSV has no quoted fields; the columns are found by name, so their order does not matter. */
function daysOfCsv(body: string): Day[] {
  const [header = '', ...rows] = body.split(/\r?\n/).filter((line) => line.trim() !== '');
  const names = header.split(',').map((name) => name.trim().toLowerCase());
  const columns = [CSV_DATE_COLUMN, ...FIELD_NAMES.map((field) => FIELDS[field].csv)];
  const missing = columns.filter((column) => !names.includes(column));
  if (missing.length > 0) {
    throw new AlphaVantageFormatError(`CSV header "${header.slice(0, 200)}" lacks ${missing.join(', ')}`);
  }
  const dateIndex = names.indexOf(CSV_DATE_COLUMN);
  const index = Object.fromEntries(FIELD_NAMES.map((field) => [field, names.indexOf(FIELDS[field].csv)]));
  return rows.map((row) => {
    const fields = row.split(',');
    return dayOf(fields[dateIndex]?.trim() ?? '', (field) => fields[index[field]]);
  });
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
