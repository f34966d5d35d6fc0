import { planCikBatches, planPartBatches } from './plan';

const TICKERS = { key: 'raw/sec/tickers/2024-01-02/abc.json', sha256: 'abc', bytes: 10 };

describe('planning fundamentals batches', () => {
  it('groups companies by batch size, naming their requested symbols, CIK-only companies by CIK', () => {
    const batches = planCikBatches(
      [
        { cik: 320193, symbols: ['AAPL'] },
        { cik: 1652044, symbols: ['GOOGL'] },
        { cik: 1652044, symbols: ['GOOG'] },
        { cik: 1045810, symbols: [] },
      ],
      [],
      2,
      TICKERS,
    );
    expect(batches).toEqual([
      { batchKey: 'b0001', symbols: ['AAPL', 'GOOGL', 'GOOG'], ciks: [320193, 1652044], tickers: TICKERS },
      { batchKey: 'b0002', symbols: ['CIK0001045810'], ciks: [1045810], tickers: TICKERS },
    ]);
  });

  it('puts unknown symbols in a last batch of their own', () => {
    const batches = planCikBatches([{ cik: 320193, symbols: ['AAPL'] }], ['ZZZZ', 'QQQQ'], 10, TICKERS);
    expect(batches.at(-1)).toEqual({
      batchKey: 'b0002',
      symbols: ['ZZZZ', 'QQQQ'],
      ciks: [],
      tickers: TICKERS,
      unknownSymbols: ['ZZZZ', 'QQQQ'],
    });
  });

  it('names file batches by the CIK in each file name, else the file name', () => {
    const part = (origin: string) => ({ key: `raw/${origin}`, sha256: 'x', bytes: 1, origin });
    const batches = planPartBatches(
      [part('/d/CIK0000320193.json'), part('/d/CIK0001640147_snowflake_fixture.json'), part('/d/apple.json')],
      2,
      null,
    );
    expect(batches.map((b) => [b.batchKey, b.symbols, b.parts?.length])).toEqual([
      ['b0001', ['CIK0000320193', 'CIK0001640147'], 2],
      ['b0002', ['apple.json'], 1],
    ]);
  });

  it('refuses a batch size below one', () => {
    expect(() => planCikBatches([{ cik: 1, symbols: [] }], [], 0, null)).toThrow(RangeError);
  });
});
