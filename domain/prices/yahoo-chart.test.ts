import { Readable } from 'node:stream';
import { parsePrices } from './parse';
import { parseYahooChart, YahooChartFormatError, YAHOO_CSV_HEADER } from './yahoo-chart';

/** Seconds of a UTC instant, as Yahoo's timestamps are. */
const at = (iso: string): number => Date.parse(iso) / 1000;

const chart = (result: Record<string, unknown>) => JSON.stringify({ chart: { result: [result], error: null } });

const AAPL = chart({
  meta: { symbol: 'AAPL', exchangeTimezoneName: 'America/New_York' },
  timestamp: [at('2020-08-27T13:30:00Z'), at('2020-08-28T13:30:00Z'), at('2020-08-31T13:30:00Z')],
  events: {
    dividends: { [at('2020-08-07T13:30:00Z')]: { amount: 0.205, date: at('2020-08-07T13:30:00Z') } },
    splits: {
      [at('2020-08-31T13:30:00Z')]: {
        date: at('2020-08-31T13:30:00Z'),
        numerator: 4,
        denominator: 1,
        splitRatio: '4:1',
      },
    },
  },
  indicators: {
    quote: [
      {
        open: [508.57, 504.05, 127.58],
        high: [509.94, 505.77, 131],
        low: [495.33, 498.31, 126],
        close: [500.04, null, 129.04],
        volume: [38888100, 46907500, 225702700],
      },
    ],
    adjclose: [{ adjclose: [123.5, null, 127.52] }],
  },
});

async function validate(csv: string) {
  const parsed = parsePrices(Readable.from([csv]), { symbol: 'AAPL', today: '2024-01-02' });
  const events = [];
  for await (const batch of parsed.events) events.push(...batch);
  return { events, counts: parsed.counts() };
}

describe('parseYahooChart', () => {
  it('turns the arrays into yahoo-layout rows, one per timestamp, on the exchange date', () => {
    const { csv } = parseYahooChart(AAPL);
    expect(csv.split('\n')).toEqual([
      YAHOO_CSV_HEADER,
      '2020-08-27,508.57,509.94,495.33,500.04,123.5,38888100',
      '2020-08-28,504.05,505.77,498.31,,,46907500',
      '2020-08-31,127.58,131,126,129.04,127.52,225702700',
      '',
    ]);
  });

  it('reads splits as numerator/denominator and dividends as cash, by ex-date', () => {
    expect(parseYahooChart(AAPL).actions).toEqual([
      { kind: 'dividend', exDate: '2020-08-07', cashAmount: 0.205 },
      { kind: 'split', exDate: '2020-08-31', ratio: 4 },
    ]);
  });

  it('gives rows the CSV validation accounts for exactly: a null close is a rejected row', async () => {
    const { events, counts } = await validate(parseYahooChart(AAPL).csv);
    expect(events.filter((e) => e.kind === 'bar').map((e) => e.kind === 'bar' && e.bar.date)).toEqual([
      '2020-08-27',
      '2020-08-31',
    ]);
    expect(counts).toMatchObject({
      rowsRead: 3,
      rowsLoaded: 2,
      rowsRejected: 1,
      rejectedByReason: { missing_close: 1 },
    });
  });

  it('dates a bar in the exchange time zone: Tokyo opens on the previous UTC day', () => {
    const tokyo = chart({
      meta: { exchangeTimezoneName: 'Asia/Tokyo' },
      timestamp: [at('2024-01-04T00:00:00Z') - 3600],
      indicators: {
        quote: [{ open: [1], high: [2], low: [1], close: [2], volume: [5] }],
        adjclose: [{ adjclose: [2] }],
      },
    });
    expect(parseYahooChart(tokyo).csv.split('\n')[1]).toBe('2024-01-04,1,2,1,2,2,5');
  });

  it('answers a range without bars (no timestamp key) with the header only and no actions', () => {
    const empty = chart({ meta: { symbol: 'AAPL' }, indicators: { quote: [{}], adjclose: [{}] } });
    expect(parseYahooChart(empty)).toEqual({ csv: `${YAHOO_CSV_HEADER}\n`, actions: [] });
  });

  it('skips a split Yahoo reports with a zero denominator rather than storing an infinite ratio', () => {
    const bad = chart({ events: { splits: { '1598880600': { date: 1598880600, numerator: 4, denominator: 0 } } } });
    expect(parseYahooChart(bad).actions).toEqual([]);
  });

  it.each([
    ['not JSON', '<html>busy</html>', 'invalid JSON'],
    ['a chart.error', JSON.stringify({ chart: { result: null, error: { code: 'Not Found' } } }), 'Not Found'],
    ['no result', JSON.stringify({ chart: { result: [] } }), 'no chart.result[0]'],
  ])('refuses %s, saying why', (_name, body, why) => {
    expect(() => parseYahooChart(body)).toThrow(YahooChartFormatError);
    expect(() => parseYahooChart(body)).toThrow(why);
  });
});
