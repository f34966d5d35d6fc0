import { computeIndicator, DEFAULT_INDICATORS, parseIndicatorName, type OhlcvArrays } from './registry';
import { bollinger } from './bollinger';
import { macd } from './macd';
import { sma } from './sma';
import { volatility } from './volatility';

const bars = (length: number): OhlcvArrays => {
  const close = Float64Array.from({ length }, (_, i) => 100 + 10 * Math.sin(i / 5) + i / 10);
  return {
    open: close.map((c, i) => c - Math.cos(i)),
    high: close.map((c) => c + 2),
    low: close.map((c) => c - 2),
    close,
    volume: close.map((_, i) => 1000 + i),
  };
};

describe('DEFAULT_INDICATORS', () => {
  it('lists the default set, each name parseable', () => {
    expect(DEFAULT_INDICATORS).toEqual([
      'sma_20',
      'ema_10',
      'wma_30',
      'rsi_14',
      'macd_12_26_9',
      'bbands_20_2',
      'tr',
      'atr_14',
      'obv',
      'stoch_14_3_3',
      'willr_14',
      'adx_14',
      'roc_10',
      'volatility_20',
    ]);
    for (const name of DEFAULT_INDICATORS) expect(() => parseIndicatorName(name)).not.toThrow();
  });
});

describe('parseIndicatorName', () => {
  it.each([
    ['sma_20', 'sma', [20]],
    ['sma_7', 'sma', [7]],
    ['macd_5_35_5', 'macd', [5, 35, 5]],
    ['bbands_10_1.5', 'bbands', [10, 1.5]],
    ['tr', 'tr', []],
    ['obv', 'obv', []],
  ])('%s -> %s %j', (name, fn, params) => {
    expect(parseIndicatorName(name)).toEqual({ fn, params });
  });

  it.each(['foo_3', 'sma', 'sma_20_3', 'sma_x', 'sma_', 'tr_3', 'macd_12_26', '', 'SMA_20', 'toString', 'sma_1e3'])(
    'rejects %j, naming it and listing the known indicators',
    (name) => {
      expect(() => parseIndicatorName(name)).toThrow(`Unknown indicator '${name}'`);
      expect(() => parseIndicatorName(name)).toThrow(/known indicators: sma_<period>, .*macd_<fast>_<slow>_<signal>/);
    },
  );
});

describe('computeIndicator', () => {
  const b = bars(120);

  it('returns the same arrays as the functions, with named parts', () => {
    expect(computeIndicator('sma_7', b)).toEqual(sma(b.close, 7));
    expect(computeIndicator('macd_5_35_5', b)).toEqual(macd(b.close, 5, 35, 5));
    const bands = computeIndicator('bbands_10_1.5', b);
    expect(bands).toEqual(bollinger(b.close, 10, 1.5));
    expect(Object.keys(bands)).toEqual(['upper', 'middle', 'lower']);
    expect(Object.keys(computeIndicator('stoch_14_3_3', b))).toEqual(['k', 'd']);
    expect(Object.keys(computeIndicator('adx_14', b))).toEqual(['adx', 'plus_di', 'minus_di']);
    expect(Object.keys(computeIndicator('macd_12_26_9', b))).toEqual(['macd', 'signal', 'hist']);
  });

  it('annualises volatility with periodsPerYear (252 by default)', () => {
    expect(computeIndicator('volatility_20', b)).toEqual(volatility(b.close, 20));
    const weekly = computeIndicator('volatility_20', b, { periodsPerYear: 52 }) as Float64Array;
    const daily = computeIndicator('volatility_20', b) as Float64Array;
    expect(weekly[50] / daily[50]).toBeCloseTo(Math.sqrt(52 / 252), 12);
  });

  it('throws a RangeError for bad parameters', () => {
    expect(() => computeIndicator('sma_0', b)).toThrow(new RangeError('sma: period must be an integer >= 1, got 0'));
    expect(() => computeIndicator('sma_2.5', b)).toThrow(RangeError);
    expect(() => computeIndicator('rsi_-3', b)).toThrow(RangeError);
    expect(() => computeIndicator('bbands_20_0', b)).toThrow(/multiplier must be a finite number > 0/);
    expect(() => computeIndicator('macd_26_12_9', b)).toThrow(/fast period \(26\) must be less than slow period/);
    expect(() => computeIndicator('volatility_1', b)).toThrow(/period must be an integer >= 2/);
  });

  it('does not throw when open/high/low are missing: NaN where they are needed, values elsewhere', () => {
    const missing = { ...b, open: b.open.map(() => NaN), high: b.high.map(() => NaN), low: b.low.map(() => NaN) };
    for (const name of ['tr', 'atr_14', 'stoch_14_3_3', 'willr_14', 'adx_14']) {
      const result = computeIndicator(name, missing);
      for (const values of result instanceof Float64Array ? [result] : Object.values(result)) {
        expect(values).toHaveLength(120);
        expect(values.every(Number.isNaN)).toBe(true);
      }
    }
    expect(computeIndicator('rsi_14', missing)).toEqual(computeIndicator('rsi_14', b));
    expect(computeIndicator('obv', missing)).toEqual(computeIndicator('obv', b));
  });

  it('gives all NaN for input shorter than the lookback, and empty output for empty input', () => {
    for (const name of DEFAULT_INDICATORS.filter((n) => n !== 'obv')) {
      const short = computeIndicator(name, bars(name === 'tr' ? 1 : 9));
      for (const values of short instanceof Float64Array ? [short] : Object.values(short)) {
        expect(values.length).toBeGreaterThan(0);
        expect(values.every(Number.isNaN)).toBe(true);
      }
    }
    expect(computeIndicator('obv', bars(0))).toEqual(new Float64Array(0));
  });
});
