import type { RecordedActionRow } from '../../contracts';
import { memoryObjectStore } from '../../test/support/memory-object-store';
import { transformPriceBatch } from './transform-price-batch';

const day = (close: string, dividend = '0.0000', split = '1.0') => ({
  '1. open': close,
  '2. high': close,
  '3. low': close,
  '4. close': close,
  '5. adjusted close': close,
  '6. volume': '1000',
  '7. dividend amount': dividend,
  '8. split coefficient': split,
});

// Alpha Vantage has no range parameters: its answer holds the whole history, events outside the run's range too.
const AAPL = JSON.stringify({
  'Meta Data': { '2. Symbol': 'AAPL' },
  'Time Series (Daily)': {
    '2020-09-01': day('134.18'),
    '2020-08-31': day('129.04', '0.0000', '4.0'),
    '2020-08-07': day('444.45', '0.8200'),
    '2020-05-08': day('310.13', '0.8200'),
    '2014-06-09': day('93.70', '0.0000', '7.0'),
  },
});

describe('transformPriceBatch of a provider answer wider than the run', () => {
  it('keeps the bars and the splits and dividends within [from, to], and counts the other bars as filtered', async () => {
    const s3 = memoryObjectStore();
    const key = 'raw/alphavantage/prices/2024-01-02/aapl.json';
    s3.objects.set(key, Buffer.from(AAPL));
    const result = await transformPriceBatch(s3, {
      request: { source: 'alphavantage', symbols: ['AAPL'], from: '2020-08-01', to: '2020-08-31' },
      parentWorkflowId: 'w-av',
      batchKey: 'b0001',
      parts: [{ key, sha256: '', bytes: 0, symbol: 'AAPL', origin: 'test', format: 'alphavantage-daily' }],
    });

    expect(result.counts).toMatchObject({ rowsRead: 5, rowsLoaded: 2, rowsRejected: 0, rowsFiltered: 3 });
    expect(result.actions?.key).toBe('actions/prices/w-av/b0001.json');
    const actions = JSON.parse(
      s3.objects.get(result.actions?.key ?? '')?.toString('utf8') ?? '[]',
    ) as RecordedActionRow[];
    expect(actions).toEqual([
      { symbol: 'AAPL', exDate: '2020-08-07', kind: 'dividend', ratio: null, cashAmount: 0.82 },
      { symbol: 'AAPL', exDate: '2020-08-31', kind: 'split', ratio: 4, cashAmount: null },
    ]);
  });

  it('records every action of an unranged run', async () => {
    const s3 = memoryObjectStore();
    const key = 'raw/alphavantage/prices/2024-01-02/aapl.json';
    s3.objects.set(key, Buffer.from(AAPL));
    const result = await transformPriceBatch(s3, {
      request: { source: 'alphavantage', symbols: ['AAPL'] },
      parentWorkflowId: 'w-av-all',
      batchKey: 'b0001',
      parts: [{ key, sha256: '', bytes: 0, symbol: 'AAPL', origin: 'test', format: 'alphavantage-daily' }],
    });

    expect(result.counts).toMatchObject({ rowsRead: 5, rowsLoaded: 5, rowsFiltered: 0 });
    const actions = JSON.parse(
      s3.objects.get(result.actions?.key ?? '')?.toString('utf8') ?? '[]',
    ) as RecordedActionRow[];
    expect(actions.map((a) => [a.exDate, a.kind])).toEqual([
      ['2014-06-09', 'split'],
      ['2020-05-08', 'dividend'],
      ['2020-08-07', 'dividend'],
      ['2020-08-31', 'split'],
    ]);
  });
});
