/** Hand-made CSVs: every reject reason and flag once, duplicates, date range, option and layout errors. */
import { REJECT_REASONS } from '../../contracts/prices';
import { DuplicateTracker, parsePrices, SymbolRequiredError, UnknownLayoutError } from '.';
import { chunksOf, parseAll } from './test-support';

const HEADER = 'date,open,high,low,close,volume,Name';

describe('one row per reason, in REJECT_REASONS order', () => {
  const rows: [string, string][] = [
    // A stray quote that never closes: the line is malformed and the lines after it are read as records.
    ['2020-01-02,10,11,9,"10.5,100,AAPL', 'malformed_record'],
    ['2020-01-02,10,11,9,10.5,100,', 'missing_symbol'],
    ['2020-01-02,10,11,9,10.5,100,AA PL', 'invalid_symbol'],
    [',10,11,9,10.5,100,AAPL', 'missing_date'],
    ['2015-02-30,10,11,9,10.5,100,AAPL', 'invalid_date'],
    ['9999-12-31,10,11,9,10.5,100,AAPL', 'date_in_future'],
    ['2020-01-03,10,11,abc,10.5,100,AAPL', 'invalid_number'],
    ['2020-01-03,10,11,9,10.5,1.5,AAPL', 'fractional_volume'],
    ['2020-01-06,10,11,9,,100,AAPL', 'missing_close'],
    ['2020-01-07,-10,11,9,10.5,100,AAPL', 'negative_price'],
    ['2020-01-08,10,9,11,10.5,100,AAPL', 'high_below_low'],
    ['2020-01-09,12,11,9,10.5,100,AAPL', 'open_outside_range'],
    ['2020-01-10,10,11,9,8,100,AAPL', 'close_outside_range'],
    ['2020-01-13,10,11,9,10.5,100,AAPL', 'loaded'],
    ['2020-01-13,10,11,9,10.6,100,aapl', 'duplicate'],
  ];

  it('rejects each row for its reason, with line, symbol, date and raw text', async () => {
    const text = [HEADER, ...rows.map(([row]) => row)].join('\n') + '\n';
    const result = await parseAll(chunksOf(text));
    expect(result.rejected.map((row) => row.reason)).toEqual([...REJECT_REASONS]);
    expect(result.rejected.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16]);
    expect(result.rejected[0]).toEqual({
      line: 2,
      reason: 'malformed_record',
      symbol: null,
      date: null,
      raw: rows[0][0],
    });
    expect(result.rejected[1]).toEqual({
      line: 3,
      reason: 'missing_symbol',
      symbol: null,
      date: null,
      raw: rows[1][0],
    });
    expect(result.rejected[4]).toMatchObject({ symbol: 'AAPL', date: null, raw: '2015-02-30,10,11,9,10.5,100,AAPL' });
    expect(result.rejected[5]).toMatchObject({ symbol: 'AAPL', date: '9999-12-31' });
    expect(result.rejected[13]).toMatchObject({ symbol: 'AAPL', date: '2020-01-13', line: 16 });
    // The first copy wins, even though the duplicate is written in lower case.
    expect(result.bars).toEqual([
      {
        symbol: 'AAPL',
        date: '2020-01-13',
        open: 10,
        high: 11,
        low: 9,
        close: 10.5,
        adjClose: null,
        volume: 100,
        flags: [],
      },
    ]);
    const expectedByReason = Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 1]));
    expect(result.counts).toMatchObject({ rowsRead: 15, rowsLoaded: 1, rowsRejected: 14, rowsFiltered: 0 });
    expect(result.counts.rejectedByReason).toEqual(expectedByReason);
  });

  it('takes the first failing rule when several fail', async () => {
    const text = [
      HEADER,
      '2015-02-30,abc,11,9,10.5,100,AAPL', // invalid_date before invalid_number
      '2020-01-02,abc,11,9,0,100,AAPL', // invalid_number before missing_close
      '2020-01-02,-1,11,9,0,100,AAPL', // a close of 0 is missing: missing_close before negative_price
      '2020-01-02,10,-1,9,-5,100,AAPL', // negative close and high: negative_price before high_below_low
      '2020-01-02,50,9,11,50,100,AAPL', // high_below_low before open/close outside range
      '2020-01-02,50,11,9,50,100,AAPL', // open_outside_range before close_outside_range
    ].join('\n');
    const result = await parseAll(chunksOf(text));
    expect(result.rejected.map((row) => row.reason)).toEqual([
      'invalid_date',
      'invalid_number',
      'missing_close',
      'negative_price',
      'high_below_low',
      'open_outside_range',
    ]);
  });

  it('checks open and close against the range only when both high and low are present', async () => {
    const text = [HEADER, '2020-01-02,50,,9,60,100,AAPL', '2020-01-03,50,11,,1,100,AAPL'].join('\n');
    const result = await parseAll(chunksOf(text));
    expect(result.rejected).toEqual([]);
    expect(result.bars.map((bar) => bar.flags)).toEqual([['missing_high'], ['missing_low']]);
  });
});

describe('quality flags', () => {
  it('loads missing open/high/low/volume and zero volume as flagged bars; a price of 0 is missing', async () => {
    const text = [
      'Date,Open,High,Low,Close,Adj Close,Volume',
      '2020-01-02,,11,9,10,10,100',
      '2020-01-03,10,0.0,9,10,10,100',
      '2020-01-06,10,11,,10,10,100',
      '2020-01-07,10,11,9,10,10,',
      '2020-01-08,0.0,11,9,10,9.5,0',
      '2020-01-09,null,11,9,10,10,NaN',
    ].join('\n');
    const result = await parseAll(chunksOf(text), { symbol: 'x' });
    expect(result.bars.map((bar) => bar.flags)).toEqual([
      ['missing_open'],
      ['missing_high'],
      ['missing_low'],
      ['missing_volume'],
      ['missing_open', 'zero_volume'],
      ['missing_open', 'missing_volume'],
    ]);
    expect(result.bars[1].high).toBeNull();
    expect(result.bars[4]).toMatchObject({ symbol: 'X', open: null, adjClose: 9.5, volume: 0 });
    expect(result.counts.rowsFlagged).toEqual({
      missing_open: 3,
      missing_high: 1,
      missing_low: 1,
      missing_volume: 2,
      zero_volume: 1,
    });
    expect(result.counts.rowsRejected).toBe(0);
  });

  it('rejects numbers that Number() would take but a price file cannot mean, and a negative volume', async () => {
    const values = ['0x1A', 'Infinity', '1e400', '"1,5"', '-', '12abc'];
    const rows = values.map((value, i) => `2020-01-${String(i + 10)},10,11,9,${value},100,AAPL`);
    const text = [HEADER, ...rows, '2020-01-20,10,11,9,10,-5,AAPL', '2020-01-21,10,11,9,10,1e3,AAPL'].join('\n');
    const result = await parseAll(chunksOf(text));
    expect(result.rejected.map((row) => row.reason)).toEqual(Array(7).fill('invalid_number'));
    expect(result.bars.map((bar) => bar.volume)).toEqual([1000]);
  });
});

describe('dates', () => {
  it.each([
    ['2016-02-29', '2016-02-29'],
    ['20160229', '2016-02-29'],
    ['Feb 29 2016', '2016-02-29'],
    ['jan 1 2000', '2000-01-01'],
    ['"Dec 31, 1999"', '1999-12-31'],
    [' 2000-01-03 ', '2000-01-03'],
  ])('reads %j as %s', async (date, iso) => {
    const result = await parseAll(chunksOf(`symbol,date,price\nIBM,${date},10\n`));
    expect(result.bars.map((bar) => bar.date)).toEqual([iso]);
  });

  it.each([
    '2015-02-29',
    '1900-02-29',
    '2015-13-01',
    '2015-04-31',
    '2015-00-10',
    '20150230',
    'Feb 30 2016',
    'Foo 1 2000',
    '2015/01/02',
    '15-01-02',
    '0000-01-01',
  ])('rejects %j as invalid_date', async (date) => {
    const result = await parseAll(chunksOf(`symbol,date,price\nIBM,${date},10\n`));
    expect(result.rejected.map((row) => row.reason)).toEqual(['invalid_date']);
  });
});

describe('date range and symbol filters', () => {
  const text = [
    HEADER,
    '2020-01-02,10,11,9,10,100,AAPL',
    '2020-01-03,10,11,9,10,100,AAPL',
    '2020-01-03,10,11,9,10,100,MSFT',
    '2020-01-06,10,11,9,10,100,AAPL',
    '2020-01-07,10,9,11,10,100,AAPL', // invalid and out of range: still rejected
    '2020-01-02,10,11,9,10,100,AAPL', // duplicate of an out-of-range row: still a duplicate
    '2020-01-02,10,11,9,10,100,IBM',
  ].join('\n');

  it('filters valid rows outside [from, to] inclusive, after validation', async () => {
    const result = await parseAll(chunksOf(text), { from: '2020-01-03', to: '2020-01-03' });
    expect(result.bars.map((bar) => `${bar.symbol} ${bar.date}`)).toEqual(['AAPL 2020-01-03', 'MSFT 2020-01-03']);
    expect(result.rejected.map((row) => row.reason)).toEqual(['high_below_low', 'duplicate']);
    expect(result.filtered).toBe(3);
    expect(result.counts).toMatchObject({ rowsRead: 7, rowsLoaded: 2, rowsRejected: 2, rowsFiltered: 3 });
    expect(result.counts.symbols).toEqual(['AAPL', 'MSFT']);
  });

  it('skips symbols outside `symbols` without counting them as read', async () => {
    const result = await parseAll(chunksOf(text), { symbols: new Set(['msft', 'IBM']) });
    expect(result.bars.map((bar) => bar.symbol)).toEqual(['MSFT', 'IBM']);
    expect(result.counts).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0, rowsFiltered: 0 });
  });

  it('refuses a from/to that is not an ISO date', () => {
    expect(() => parsePrices(chunksOf(text), { from: '2020-1-3' })).toThrow(/from must be an ISO date/);
    expect(() => parsePrices(chunksOf(text), { to: '2020-02-30' })).toThrow(/to must be an ISO date/);
  });
});

describe('layout and symbol errors', () => {
  it('throws UnknownLayoutError listing the header and the supported layouts', async () => {
    const promise = parseAll(chunksOf('Ticker,When,Last\nAAPL,2020-01-02,10\n'));
    await expect(promise).rejects.toThrow(UnknownLayoutError);
    await expect(parseAll(chunksOf('Ticker,When,Last\n'))).rejects.toThrow(
      /header \[Ticker,When,Last\].*ohlcv-name.*yahoo.*stooq.*close-only/,
    );
  });

  it('throws UnknownLayoutError on an input without a header', async () => {
    await expect(parseAll(chunksOf('\n\n'))).rejects.toThrow(UnknownLayoutError);
  });

  it('needs a symbol for a layout without a symbol column, and ignores it otherwise', async () => {
    const yahoo = 'Date,Open,High,Low,Close,Adj Close,Volume\n2020-01-02,10,11,9,10,10,100\n';
    await expect(parseAll(chunksOf(yahoo))).rejects.toThrow(SymbolRequiredError);
    await expect(parseAll(chunksOf(yahoo))).rejects.toThrow(/symbol/);
    const close = await parseAll(chunksOf('symbol,date,price\nIBM,2020-01-02,10\n'), { symbol: 'AAPL' });
    expect(close.bars[0].symbol).toBe('IBM');
  });

  it('refuses an invalid `symbol` option at once', () => {
    expect(() => parsePrices(chunksOf(''), { symbol: 'NOT A SYMBOL' })).toThrow(/not a valid symbol/);
  });

  it('accepts BRK.B, ^GSPC and EURUSD=X as symbols', async () => {
    const text = 'symbol,date,price\nBRK.B,2020-01-02,10\n^gspc,2020-01-02,3000\nEURUSD=X,2020-01-02,1.1\n';
    const result = await parseAll(chunksOf(text));
    expect(result.bars.map((bar) => bar.symbol)).toEqual(['BRK.B', '^GSPC', 'EURUSD=X']);
  });

  it('does not offer counts before the header was read', () => {
    expect(() => parsePrices(chunksOf(''), {}).counts()).toThrow(/before the header/);
  });
});

describe('CSV details', () => {
  it('skips blank lines, reads CRLF, quoted fields and short rows, and keeps physical line numbers', async () => {
    const text = [
      '\uFEFFdate,open,high,low,close,volume,Name',
      '',
      '2020-01-02,10,11,9,10,100,AAPL',
      '   ',
      '"2020-01-03"," 10 ","11","9","10","100","BRK.B"',
      '2020-01-06,10,11,9,"1',
      '0",100,AAPL',
      '2020-01-07,10,11,9,10',
      '2020-01-08,10,11,9',
    ].join('\r\n');
    const result = await parseAll(chunksOf(text));
    expect(result.bars.map((bar) => `${bar.symbol} ${bar.date} ${bar.open}`)).toEqual([
      'AAPL 2020-01-02 10',
      'BRK.B 2020-01-03 10',
    ]);
    expect(result.rejected).toEqual([
      {
        line: 6,
        reason: 'invalid_number',
        symbol: 'AAPL',
        date: '2020-01-06',
        raw: '2020-01-06,10,11,9,"1\n0",100,AAPL',
      },
      { line: 8, reason: 'missing_symbol', symbol: null, date: null, raw: '2020-01-07,10,11,9,10' },
      { line: 9, reason: 'missing_symbol', symbol: null, date: null, raw: '2020-01-08,10,11,9' },
    ]);
  });
});

describe('duplicates across the inputs of one batch', () => {
  it('rejects a (symbol, date) seen by an earlier input when the inputs share a tracker', async () => {
    const seen = new DuplicateTracker();
    const first = await parseAll(chunksOf(`${HEADER}\n2020-01-13,10,11,9,10.5,100,AAPL\n`), { seen });
    const second = await parseAll(
      chunksOf(`${HEADER}\n2020-01-13,10,11,9,10.6,100,AAPL\n2020-01-14,10,11,9,10.6,100,AAPL\n`),
      {
        seen,
      },
    );
    expect(first.bars.map((bar) => bar.close)).toEqual([10.5]);
    expect(second.rejected.map((row) => [row.reason, row.line])).toEqual([['duplicate', 2]]);
    expect(second.bars.map((bar) => bar.date)).toEqual(['2020-01-14']);
  });
});
