import type { FundamentalsJson } from '../../domain/finance/fundamentals';
import { fundamentalsFrom, noFundamentals } from './fundamentals-source';

describe('fundamentals sources', () => {
  it('answers null with the reason until fundamentals are loaded', async () => {
    expect(await noFundamentals().reportAsOf('AAPL', '2018-02-07', 159.54)).toEqual({
      report: null,
      reason: 'no fundamentals loaded',
    });
  });

  it('adapts a document-or-reason lookup, passing the date and the price through', async () => {
    const document = { cik: 320193, entityName: 'Apple Inc.', asOf: '2018-02-07' } as FundamentalsJson;
    const calls: unknown[][] = [];
    const source = fundamentalsFrom((...args) => {
      calls.push(args);
      return Promise.resolve(args[0] === 'AAPL' ? document : { reason: 'security XYZ has no CIK' });
    });
    expect(await source.reportAsOf('AAPL', '2018-02-07', 159.54)).toEqual({ report: document, reason: null });
    expect(await source.reportAsOf('XYZ', '2018-02-07', null)).toEqual({
      report: null,
      reason: 'security XYZ has no CIK',
    });
    expect(calls).toEqual([
      ['AAPL', '2018-02-07', 159.54],
      ['XYZ', '2018-02-07', undefined],
    ]);
  });
});
