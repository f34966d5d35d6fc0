/** Yahoo, Stooq and close-only files: the real ones by path, Stooq as strings in its download format. */
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_DATA_DIR } from '../../config';
import { sharedData } from '../../test/support/shared-data';
import { symbolFromFileName } from '.';
import { chunksOf, parseAll } from './test-support';

const naiveRows = (file: string): string[][] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.split(','));

describe('GSPC_1927_2023.csv as ^GSPC', () => {
  const file = sharedData('benchmark', 'GSPC_1927_2023.csv');

  it('loads every row; Open 0.0 (1962-01-02..1982-04-19) is missing, volume 0 (before 1950) is flagged', async () => {
    const result = await parseAll(fs.createReadStream(file), { symbol: '^GSPC' });
    const rows = naiveRows(file);
    const zeroOpen = rows.filter(([, open]) => Number(open) === 0).map(([date]) => date);
    const zeroVolume = rows.filter((row) => row[6] === '0').map(([date]) => date);
    expect(zeroOpen.length).toBe(5075);
    expect(zeroOpen.every((date) => date >= '1962-01-02' && date <= '1982-04-19')).toBe(true);
    expect(zeroVolume.length).toBe(5496);
    expect(zeroVolume.every((date) => date < '1950-01-01')).toBe(true);

    expect(result.counts).toEqual({
      rowsRead: 24_114,
      rowsLoaded: 24_114,
      rowsRejected: 0,
      rejectedByReason: {},
      rowsFlagged: { missing_open: 5075, zero_volume: 5496 },
      rowsFiltered: 0,
      symbols: ['^GSPC'],
      layout: 'yahoo',
    });
    expect(result.bars.filter((bar) => bar.open === null).map((bar) => bar.date)).toEqual(zeroOpen);
    expect(result.bars.filter((bar) => bar.volume === 0).map((bar) => bar.date)).toEqual(zeroVolume);
    expect(result.bars.find((bar) => bar.date === '1962-01-02')).toEqual({
      symbol: '^GSPC',
      date: '1962-01-02',
      open: null,
      high: 71.95999908447266,
      low: 70.70999908447266,
      close: 70.95999908447266,
      adjClose: 70.95999908447266,
      volume: 3120000,
      flags: ['missing_open'],
    });
  });

  it('filters to a date range', async () => {
    const result = await parseAll(fs.createReadStream(file), { symbol: '^GSPC', from: '2013-02-08', to: '2018-02-07' });
    const slice = naiveRows(sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv'));
    expect(result.bars.map((bar) => bar.date)).toEqual(slice.map(([date]) => date));
    // The slice file rounds a few closes in the last digit differently, so closes are compared with the file read.
    const inRange = naiveRows(file).filter(([date]) => date >= '2013-02-08' && date <= '2018-02-07');
    expect(result.bars.map((bar) => bar.close)).toEqual(inRange.map((row) => Number(row[4])));
    expect(result.counts.rowsFiltered).toBe(24_114 - 1259);
    expect(result.counts.rowsRead).toBe(result.counts.rowsLoaded + result.counts.rowsFiltered);
  });
});

describe.each(['nvda-1999-2014.csv', 'orcl-1995-2014.csv', 'yhoo-1996-2015.csv'])('yahoo_adjclose/%s', (name) => {
  it('loads every row with its adjusted close, symbol from the file name', async () => {
    const file = sharedData('ohlcv', 'yahoo_adjclose', name);
    const symbol = symbolFromFileName(file);
    const result = await parseAll(fs.createReadStream(file), { symbol });
    const rows = naiveRows(file);
    expect(result.counts).toMatchObject({ rowsRead: rows.length, rowsLoaded: rows.length, rowsRejected: 0 });
    expect(result.counts.symbols).toEqual([name.slice(0, 4).toUpperCase()]);
    expect(result.bars.map((bar) => bar.adjClose)).toEqual(rows.map((row) => Number(row[5])));
    expect(result.bars.map((bar) => bar.volume)).toEqual(rows.map((row) => Number(row[6])));
  });
});

describe('vega-datasets', () => {
  it('reads sp500-2000.csv (lower-case yahoo header with adjclose, no final line break)', async () => {
    const file = path.join(DEMO_DATA_DIR, 'sp500-2000.csv');
    const result = await parseAll(fs.createReadStream(file), { symbol: symbolFromFileName(file) });
    const rows = naiveRows(file);
    expect(rows.length).toBe(5105);
    expect(result.counts).toMatchObject({ layout: 'yahoo', rowsRead: 5105, rowsLoaded: 5105, symbols: ['SP500'] });
    expect(result.bars[0]).toEqual({
      symbol: 'SP500',
      date: '2000-01-03',
      open: 1469.25,
      high: 1478,
      low: 1438.359985,
      close: 1455.219971,
      adjClose: 1455.219971,
      volume: 931800000,
      flags: [],
    });
    expect(result.bars.at(-1)?.close).toBe(Number(rows.at(-1)![4]));
  });

  it('reads stocks.csv (close-only, `Jan 1 2000` dates), unflagged', async () => {
    const result = await parseAll(fs.createReadStream(path.join(DEMO_DATA_DIR, 'stocks.csv')));
    expect(result.counts).toEqual({
      rowsRead: 560,
      rowsLoaded: 560,
      rowsRejected: 0,
      rejectedByReason: {},
      rowsFlagged: {},
      rowsFiltered: 0,
      symbols: ['AAPL', 'AMZN', 'GOOG', 'IBM', 'MSFT'],
      layout: 'close-only',
    });
    expect(result.bars[0]).toEqual({
      symbol: 'MSFT',
      date: '2000-01-01',
      open: null,
      high: null,
      low: null,
      close: 39.81,
      adjClose: null,
      volume: null,
      flags: [],
    });
  });
});

describe('Stooq', () => {
  it('reads Date,Open,High,Low,Close,Volume', async () => {
    const text = 'Date,Open,High,Low,Close,Volume\r\n2024-01-02,187.15,188.44,183.885,185.64,82488674\r\n';
    const result = await parseAll(chunksOf(text), { symbol: 'aapl.us' });
    expect(result.counts.layout).toBe('stooq');
    expect(result.bars).toEqual([
      {
        symbol: 'AAPL.US',
        date: '2024-01-02',
        open: 187.15,
        high: 188.44,
        low: 183.885,
        close: 185.64,
        adjClose: null,
        volume: 82488674,
        flags: [],
      },
    ]);
  });

  it('reads Date,Open,High,Low,Close without volume, flagging missing_volume', async () => {
    const text =
      'Date,Open,High,Low,Close\n2024-01-02,4745.2,4754.33,4722.67,4742.83\n2024-01-03,4725.07,4729.29,4699.71,4704.81\n';
    const result = await parseAll(chunksOf(text), { symbol: '^SPX' });
    expect(result.counts.layout).toBe('stooq');
    expect(result.bars.map((bar) => [bar.volume, bar.flags])).toEqual([
      [null, ['missing_volume']],
      [null, ['missing_volume']],
    ]);
    expect(result.counts.rowsFlagged).toEqual({ missing_volume: 2 });
  });
});
