import { Readable } from 'node:stream';
import { AlphaVantageFormatError, alphaVantageNotice, parseAlphaVantageDaily } from './alphavantage-daily';
import { parsePrices } from './parse';
import { YAHOO_CSV_HEADER } from './yahoo-chart';

const day = (
  open: string,
  high: string,
  low: string,
  close: string,
  adjClose: string,
  volume: string,
  dividend = '0.0000',
  split = '1.0',
) => ({
  '1. open': open,
  '2. high': high,
  '3. low': low,
  '4. close': close,
  '5. adjusted close': adjClose,
  '6. volume': volume,
  '7. dividend amount': dividend,
  '8. split coefficient': split,
});

/** As Alpha Vantage sends it: newest first, every value a string, a 4-for-1 split and a dividend among the days. */
const AAPL_JSON = JSON.stringify({
  'Meta Data': {
    '1. Information': 'Daily Time Series with Splits and Dividend Events',
    '2. Symbol': 'AAPL',
    '3. Last Refreshed': '2020-09-01',
    '4. Output Size': 'Full size',
    '5. Time Zone': 'US/Eastern',
  },
  'Time Series (Daily)': {
    '2020-09-01': day('132.7600', '134.8000', '130.5300', '134.1800', '132.6055', '152470142'),
    '2020-08-31': day('127.5800', '131.0000', '126.0000', '129.0400', '127.5291', '225702700', '0.0000', '4.0'),
    '2020-08-28': day('504.0500', '505.7700', '498.3100', '499.2300', '123.3487', '46907479'),
    '2020-08-07': day('452.8200', '454.7000', '441.1700', '444.4500', '109.8107', '49511403', '0.8200'),
  },
});

/** The same days as the documented `datatype=csv` answer. */
const AAPL_CSV = [
  'timestamp,open,high,low,close,adjusted_close,volume,dividend_amount,split_coefficient',
  '2020-09-01,132.7600,134.8000,130.5300,134.1800,132.6055,152470142,0.0000,1.0',
  '2020-08-31,127.5800,131.0000,126.0000,129.0400,127.5291,225702700,0.0000,4.0',
  '2020-08-28,504.0500,505.7700,498.3100,499.2300,123.3487,46907479,0.0000,1.0',
  '2020-08-07,452.8200,454.7000,441.1700,444.4500,109.8107,49511403,0.8200,1.0',
  '',
].join('\r\n');

const EXPECTED_ROWS = [
  YAHOO_CSV_HEADER,
  '2020-08-07,452.8200,454.7000,441.1700,444.4500,109.8107,49511403',
  '2020-08-28,504.0500,505.7700,498.3100,499.2300,123.3487,46907479',
  '2020-08-31,127.5800,131.0000,126.0000,129.0400,127.5291,225702700',
  '2020-09-01,132.7600,134.8000,130.5300,134.1800,132.6055,152470142',
  '',
];

const EXPECTED_ACTIONS = [
  { kind: 'dividend', exDate: '2020-08-07', cashAmount: 0.82 },
  { kind: 'split', exDate: '2020-08-31', ratio: 4 },
];

async function validate(csv: string, range: { from?: string; to?: string } = {}) {
  const parsed = parsePrices(Readable.from([csv]), { symbol: 'AAPL', today: '2024-01-02', ...range });
  const events = [];
  for await (const batch of parsed.events) events.push(...batch);
  return { events, counts: parsed.counts() };
}

describe('parseAlphaVantageDaily', () => {
  it('turns the JSON series into yahoo-layout rows, oldest first, values as sent', () => {
    expect(parseAlphaVantageDaily(AAPL_JSON).csv.split('\n')).toEqual(EXPECTED_ROWS);
  });

  it('reads a split coefficient other than 1 as a split and a dividend amount above 0 as a dividend', () => {
    expect(parseAlphaVantageDaily(AAPL_JSON).actions).toEqual(EXPECTED_ACTIONS);
  });

  it('reads the CSV answer (datatype=csv) into the same rows and actions', () => {
    expect(parseAlphaVantageDaily(AAPL_CSV)).toEqual(parseAlphaVantageDaily(AAPL_JSON));
  });

  it('finds the CSV columns by name, whatever their order', () => {
    const reordered = [
      'timestamp,split_coefficient,dividend_amount,volume,adjusted_close,close,low,high,open',
      '2020-08-31,4.0,0.0000,225702700,127.5291,129.0400,126.0000,131.0000,127.5800',
    ].join('\n');
    const reading = parseAlphaVantageDaily(reordered);
    expect(reading.csv.split('\n')[1]).toBe('2020-08-31,127.5800,131.0000,126.0000,129.0400,127.5291,225702700');
    expect(reading.actions).toEqual([{ kind: 'split', exDate: '2020-08-31', ratio: 4 }]);
  });

  it('gives rows that the validation counts exactly, and the range filter (AV has none) counts the rest', async () => {
    const { counts } = await validate(parseAlphaVantageDaily(AAPL_JSON).csv, { from: '2020-08-28', to: '2020-08-31' });
    expect(counts).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 0, rowsFiltered: 2 });
  });

  it('makes a value that is not a number a rejected row, never a shifted or silent one', async () => {
    const body = JSON.stringify({
      'Time Series (Daily)': {
        '2020-08-28': day('504.05', '505.77', '498.31', '1,499.23', '123.35', '46907479'),
        '2020-08-31': day('127.58', '131.00', '126.00', '', '127.53', '225702700'),
      },
    });
    const reading = parseAlphaVantageDaily(body);
    expect(reading.csv.split('\n').slice(1, 3)).toEqual([
      '2020-08-28,504.05,505.77,498.31,invalid,123.35,46907479',
      '2020-08-31,127.58,131.00,126.00,,127.53,225702700',
    ]);
    const { counts } = await validate(reading.csv);
    expect(counts).toMatchObject({
      rowsRead: 2,
      rowsLoaded: 0,
      rowsRejected: 2,
      rejectedByReason: { invalid_number: 1, missing_close: 1 },
    });
  });

  it('ignores a split coefficient of 0 or garbage and a dividend of 0', () => {
    const body = JSON.stringify({
      'Time Series (Daily)': {
        '2020-08-28': day('1', '1', '1', '1', '1', '1', '0.0000', '0.0'),
        '2020-08-31': day('1', '1', '1', '1', '1', '1', 'n/a', 'x'),
      },
    });
    expect(parseAlphaVantageDaily(body).actions).toEqual([]);
  });

  it('refuses a notice, an object without the series, and a CSV without the documented columns', () => {
    const throttled = JSON.stringify({ Note: 'Thank you for using Alpha Vantage! Our standard API rate limit is…' });
    expect(() => parseAlphaVantageDaily(throttled)).toThrow(/Note: Thank you/);
    expect(() => parseAlphaVantageDaily('{"Meta Data": {}}')).toThrow(AlphaVantageFormatError);
    expect(() => parseAlphaVantageDaily('{"Meta Data": ')).toThrow(/invalid JSON/);
    expect(() => parseAlphaVantageDaily('Date,Open,High,Low,Close\n2020-08-31,1,1,1,1')).toThrow(
      /lacks timestamp, .*split_coefficient/,
    );
  });
});

describe('alphaVantageNotice', () => {
  it('finds the notice Alpha Vantage answers with HTTP 200 instead of a series', () => {
    expect(alphaVantageNotice('{"Note": "5 calls per minute"}')).toEqual({
      key: 'Note',
      message: '5 calls per minute',
    });
    expect(alphaVantageNotice('{"Information": "25 requests per day"}')).toEqual({
      key: 'Information',
      message: '25 requests per day',
    });
    expect(alphaVantageNotice('{"Error Message": "Invalid API call."}')).toEqual({
      key: 'Error Message',
      message: 'Invalid API call.',
    });
  });

  it('finds none in a series, a CSV answer or a body that is not JSON', () => {
    expect(alphaVantageNotice(AAPL_JSON)).toBeUndefined();
    expect(alphaVantageNotice(AAPL_CSV)).toBeUndefined();
    expect(alphaVantageNotice('<html>')).toBeUndefined();
  });
});
