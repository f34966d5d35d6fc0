import { Readable } from 'node:stream';
import { parsePrices } from './parse';
import { parseTiingoDaily, TiingoFormatError } from './tiingo-daily';
import { YAHOO_CSV_HEADER } from './yahoo-chart';

/** One bar as Tiingo sends it; the adjusted open/high/low/volume are not loaded, so they are placeholders. */
const bar = (date: string, [open, high, low, close]: number[], adjClose: number, divCash = 0, splitFactor = 1) => ({
  date: `${date}T00:00:00.000Z`,
  close,
  high,
  low,
  open,
  volume: 1_000_000,
  adjClose,
  adjHigh: adjClose,
  adjLow: adjClose,
  adjOpen: adjClose,
  adjVolume: 4_000_000,
  divCash,
  splitFactor,
});

/** As Tiingo sends it: oldest first, numbers, a 4-for-1 split and a dividend among the bars. */
const AAPL = JSON.stringify([
  bar('2020-08-07', [452.82, 454.7, 441.17, 444.45], 109.81, 0.82),
  bar('2020-08-28', [504.05, 505.77, 498.31, 499.23], 123.35),
  bar('2020-08-31', [127.58, 131, 126, 129.04], 127.53, 0, 4),
  bar('2020-09-01', [132.76, 134.8, 130.53, 134.18], 132.61),
]);

async function validate(csv: string) {
  const parsed = parsePrices(Readable.from([csv]), { symbol: 'AAPL', today: '2024-01-02' });
  const events = [];
  for await (const batch of parsed.events) events.push(...batch);
  return { events, counts: parsed.counts() };
}

describe('parseTiingoDaily', () => {
  it('turns the bars into yahoo-layout rows on the timestamp’s day', () => {
    expect(parseTiingoDaily(AAPL).csv.split('\n')).toEqual([
      YAHOO_CSV_HEADER,
      '2020-08-07,452.82,454.7,441.17,444.45,109.81,1000000',
      '2020-08-28,504.05,505.77,498.31,499.23,123.35,1000000',
      '2020-08-31,127.58,131,126,129.04,127.53,1000000',
      '2020-09-01,132.76,134.8,130.53,134.18,132.61,1000000',
      '',
    ]);
  });

  it('reads splitFactor other than 1 as a split and divCash above 0 as a dividend', () => {
    expect(parseTiingoDaily(AAPL).actions).toEqual([
      { kind: 'dividend', exDate: '2020-08-07', cashAmount: 0.82 },
      { kind: 'split', exDate: '2020-08-31', ratio: 4 },
    ]);
  });

  it('sorts bars by date and reads an empty range as no rows', () => {
    const reversed = JSON.stringify((JSON.parse(AAPL) as unknown[]).reverse());
    expect(parseTiingoDaily(reversed).csv).toBe(parseTiingoDaily(AAPL).csv);
    expect(parseTiingoDaily('[]')).toEqual({ csv: `${YAHOO_CSV_HEADER}\n`, actions: [] });
  });

  it('makes a null close, a missing date and a bad date rejected rows the validation counts', async () => {
    const body = JSON.stringify([
      { ...bar('2020-08-28', [504.05, 505.77, 498.31, 499.23], 123.35), close: null },
      { ...bar('2020-08-31', [127.58, 131, 126, 129.04], 127.53), date: undefined },
      { ...bar('2020-09-01', [132.76, 134.8, 130.53, 134.18], 132.61), date: 'yesterday' },
      bar('2020-09-02', [137.59, 137.98, 127, 131.4], 129.86),
    ]);
    const { counts } = await validate(parseTiingoDaily(body).csv);
    expect(counts).toMatchObject({
      rowsRead: 4,
      rowsLoaded: 1,
      rowsRejected: 3,
      rejectedByReason: { missing_close: 1, missing_date: 1, invalid_date: 1 },
    });
  });

  it('refuses what is not an array of bars, with Tiingo’s detail when it sent one', () => {
    expect(() => parseTiingoDaily('{"detail":"Error: Ticker \'NOPE\' not found"}')).toThrow(
      /not a JSON array of bars: Error: Ticker 'NOPE' not found/,
    );
    expect(() => parseTiingoDaily('<html>')).toThrow(TiingoFormatError);
  });
});
