import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { ciksOfSymbols, parseCompanyTickers, tickersByCik } from './tickers';

// The head of SEC's real file, in its format: index keys, numeric cik_str, upper-case tickers.
const SEC_SAMPLE = JSON.stringify({
  0: { cik_str: 320193, ticker: 'AAPL', title: 'Apple Inc.' },
  1: { cik_str: 1652044, ticker: 'GOOGL', title: 'Alphabet Inc.' },
  2: { cik_str: 1652044, ticker: 'GOOG', title: 'Alphabet Inc.' },
  3: { cik_str: 1067983, ticker: 'brk-b', title: 'BERKSHIRE HATHAWAY INC' },
});

describe('company_tickers.json', () => {
  it('reads every entry, upper-casing tickers', () => {
    expect(parseCompanyTickers(SEC_SAMPLE)).toEqual([
      { cik: 320193, symbol: 'AAPL', title: 'Apple Inc.' },
      { cik: 1652044, symbol: 'GOOGL', title: 'Alphabet Inc.' },
      { cik: 1652044, symbol: 'GOOG', title: 'Alphabet Inc.' },
      { cik: 1067983, symbol: 'BRK-B', title: 'BERKSHIRE HATHAWAY INC' },
    ]);
  });

  it('groups the tickers of one CIK', () => {
    const byCik = tickersByCik(parseCompanyTickers(SEC_SAMPLE));
    expect(byCik.get(1652044)?.map((t) => t.symbol)).toEqual(['GOOGL', 'GOOG']);
    expect(byCik.get(320193)?.map((t) => t.symbol)).toEqual(['AAPL']);
  });

  it('maps symbols to CIKs case-insensitively and names the unknown ones', () => {
    const { ciks, unknown } = ciksOfSymbols(parseCompanyTickers(SEC_SAMPLE), ['aapl', 'GOOG', 'ZZZZ']);
    expect([...ciks]).toEqual([
      ['AAPL', 320193],
      ['GOOG', 1652044],
    ]);
    expect(unknown).toEqual(['ZZZZ']);
  });

  it.each([
    ['not JSON', '{"0":'],
    ['an array', '[]'],
    ['an entry without a CIK', '{"0":{"ticker":"AAPL","title":"Apple"}}'],
    ['a non-integer CIK', '{"0":{"cik_str":"12.5","ticker":"AAPL"}}'],
    ['an entry without a ticker', '{"0":{"cik_str":320193,"ticker":" "}}'],
  ])('rejects %s as invalid input, without retry', (_, text) => {
    let error: unknown;
    try {
      parseCompanyTickers(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: FAILURE_TYPES.invalidInput, nonRetryable: true });
  });
});
