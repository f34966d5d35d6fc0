import type { SecurityListRow } from '../../infra/repositories/securities';
import { toSecuritySummary } from './list-securities';

const row = (overrides: Partial<SecurityListRow> = {}): SecurityListRow => ({
  symbol: 'AAPL',
  name: 'Apple Inc.',
  exchange: 'NASDAQ',
  currency: 'USD',
  firstDate: '2017-02-03',
  lastDate: '2018-02-07',
  bars: 5,
  lastBar: { date: '2018-02-07', close: 160, adjClose: 150 },
  yearAgoBar: { date: '2017-02-03', close: 128, adjClose: 120 },
  analysisAsOf: '2018-02-07',
  volatility: 0.25,
  sharpe: 1.2,
  maxDrawdown: -0.3,
  trend: 'up',
  flags: { zero_volume: 2 },
  ...overrides,
});

describe('toSecuritySummary', () => {
  it('takes the last close and the 1-year return (adjusted closes when both have one) from the two bars', () => {
    expect(toSecuritySummary(row())).toEqual({
      symbol: 'AAPL',
      name: 'Apple Inc.',
      exchange: 'NASDAQ',
      currency: 'USD',
      firstDate: '2017-02-03',
      lastDate: '2018-02-07',
      bars: 5,
      lastClose: 160,
      return1y: 150 / 120 - 1,
      analysisAsOf: '2018-02-07',
      volatility: 0.25,
      sharpe: 1.2,
      maxDrawdown: -0.3,
      trend: 'up',
      flags: { zero_volume: 2 },
    });
  });

  it('has no 1-year return without a bar a year back, and no figures without bars or analysis', () => {
    expect(toSecuritySummary(row({ yearAgoBar: null })).return1y).toBeNull();
    expect(
      toSecuritySummary(
        row({
          lastBar: null,
          yearAgoBar: null,
          analysisAsOf: null,
          volatility: null,
          sharpe: null,
          maxDrawdown: null,
          trend: null,
          flags: null,
        }),
      ),
    ).toMatchObject({
      lastClose: null,
      return1y: null,
      volatility: null,
      sharpe: null,
      maxDrawdown: null,
      trend: null,
      flags: {},
    });
  });

  it('shows a stored value that is not a number (or a label that is not text) as missing', () => {
    expect(
      toSecuritySummary(row({ volatility: 'high', sharpe: { value: 1 }, maxDrawdown: true, trend: 3 })),
    ).toMatchObject({ volatility: null, sharpe: null, maxDrawdown: null, trend: null });
  });
});
