import { detectLayout, isValidSymbol, symbolFromFileName, UnknownLayoutError } from '.';
import { otherShareClassSpelling } from './symbols';

describe('symbolFromFileName', () => {
  it.each([
    ['/data/GSPC_1927_2023.csv', 'GSPC'],
    ['nvda-1999-2014.csv', 'NVDA'],
    ['ohlcv/AAPL_2013-02-08_2018-02-07.csv', 'AAPL'],
    ['BRK.B.csv', 'BRK.B'],
    ['sp500-2000.csv', 'SP500'],
    ['C:\\prices\\^GSPC.csv', '^GSPC'],
    ['aapl.us.txt', 'AAPL.US'],
    ['RDS-A.csv', 'RDS-A'],
  ])('%s → %s', (file, symbol) => {
    expect(symbolFromFileName(file)).toBe(symbol);
  });
});

describe('otherShareClassSpelling', () => {
  it.each([
    ['BRK.B', 'BRK-B'],
    ['BRK-B', 'BRK.B'],
    ['rds-a', 'rds.a'],
    ['BF.B', 'BF-B'],
  ])('%s ↔ %s', (symbol, other) => {
    expect(otherShareClassSpelling(symbol)).toBe(other);
  });

  it.each(['AAPL', '^GSPC', 'EURUSD=X', 'AAPL.US', 'A.B.C', '.B', 'BRK.1'])('%s has none', (symbol) => {
    expect(otherShareClassSpelling(symbol)).toBeNull();
  });
});

describe('isValidSymbol', () => {
  it.each(['BRK.B', 'BF.B', '^GSPC', 'EURUSD=X', 'aapl', 'A', 'X'.repeat(20)])('accepts %s', (s) => {
    expect(isValidSymbol(s)).toBe(true);
  });
  it.each(['', 'AA PL', 'X'.repeat(21), '.', '^', 'A,B', 'ÄPFEL', 'A/B'])('refuses %j', (s) => {
    expect(isValidSymbol(s)).toBe(false);
  });
});

describe('detectLayout', () => {
  it('finds each layout case-insensitively, with trimmed fields, in any column order', () => {
    expect(detectLayout(['date', 'open', 'high', 'low', 'close', 'volume', 'Name'])).toEqual({
      name: 'ohlcv-name',
      width: 7,
      hasSymbol: true,
      hasOhlcv: true,
      columns: { symbol: 6, date: 0, open: 1, high: 2, low: 3, close: 4, adjClose: null, volume: 5 },
    });
    expect(detectLayout([' Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume ']).columns.adjClose).toBe(5);
    expect(detectLayout(['date', 'open', 'high', 'low', 'close', 'adjclose', 'volume']).name).toBe('yahoo');
    expect(detectLayout(['DATE', 'OPEN', 'HIGH', 'LOW', 'CLOSE', 'VOLUME']).name).toBe('stooq');
    expect(detectLayout(['Date', 'Open', 'High', 'Low', 'Close']).columns.volume).toBeNull();
    expect(detectLayout(['price', 'symbol', 'date'])).toEqual({
      name: 'close-only',
      width: 3,
      hasSymbol: true,
      hasOhlcv: false,
      columns: { symbol: 1, date: 2, open: null, high: null, low: null, close: 0, adjClose: null, volume: null },
    });
  });

  it.each([
    [['date', 'close']],
    [['Date', 'Open', 'High', 'Low', 'Close', 'Volume', 'OpenInt']],
    [['date', 'date', 'open', 'high', 'low', 'close']],
    [[]],
  ])('refuses %j', (header) => {
    expect(() => detectLayout(header)).toThrow(UnknownLayoutError);
  });

  it('keeps its message short whatever the header (a 5 MB line without commas is one field)', () => {
    const huge = 'x'.repeat(5_000_000);
    const message = (() => {
      try {
        detectLayout([huge, ...Array.from({ length: 100 }, (_, i) => `c${i}`)]);
      } catch (err) {
        return (err as Error).message;
      }
      return '';
    })();
    expect(message.length).toBeLessThan(1200);
    expect(message).toContain('(5000000 chars)');
    expect(message).toContain('89 more fields');
  });
});
