import fc from 'fast-check';
import { adx } from './adx';
import { bollinger } from './bollinger';
import { ema } from './ema';
import { rsi } from './rsi';
import { computeIndicator, DEFAULT_INDICATORS, type OhlcvArrays } from './registry';
import { sma } from './sma';
import { stochastic } from './stochastic';
import { atr, trueRange } from './true-range';
import { volatility } from './volatility';
import { williamsR } from './williams-r';
import { wma } from './wma';

// Properties over random inputs (fast-check). The O(n) rolling kernels are also checked against plain
// recomputation of every window, which catches off-by-one windows and drifting running sums.

/** Consistent bars (low <= open, close <= high, all positive), so bounded indicators must stay in range. */
function ohlcvBars(minLength = 0, maxLength = 120): fc.Arbitrary<OhlcvArrays> {
  const price = fc.double({ min: 1, max: 1000, noNaN: true });
  const bar = fc.record({
    open: price,
    close: price,
    up: fc.double({ min: 0, max: 50, noNaN: true }),
    down: fc.double({ min: 0, max: 0.9, noNaN: true }),
    volume: fc.double({ min: 0, max: 1e7, noNaN: true }),
  });
  return fc.array(bar, { minLength, maxLength }).map((bars) => ({
    open: Float64Array.from(bars, (b) => b.open),
    high: Float64Array.from(bars, (b) => Math.max(b.open, b.close) + b.up),
    low: Float64Array.from(bars, (b) => Math.min(b.open, b.close) * (1 - b.down)),
    close: Float64Array.from(bars, (b) => b.close),
    volume: Float64Array.from(bars, (b) => b.volume),
  }));
}

const prices = (minLength = 0, maxLength = 120) =>
  fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength, maxLength }).map((v) => Float64Array.from(v));
const period = (max = 30) => fc.integer({ min: 1, max });

/** First defined bar of each default indicator part (TA-Lib's lookbacks). */
const FIRST_BAR: Record<string, number> = {
  sma_20: 19,
  ema_10: 9,
  wma_30: 29,
  rsi_14: 14,
  'macd_12_26_9.macd': 33,
  'macd_12_26_9.signal': 33,
  'macd_12_26_9.hist': 33,
  'bbands_20_2.upper': 19,
  'bbands_20_2.middle': 19,
  'bbands_20_2.lower': 19,
  tr: 1,
  atr_14: 14,
  obv: 0,
  'stoch_14_3_3.k': 17,
  'stoch_14_3_3.d': 17,
  willr_14: 13,
  'adx_14.adx': 27,
  'adx_14.plus_di': 14,
  'adx_14.minus_di': 14,
  roc_10: 10,
  volatility_20: 20,
};

function parts(name: string, bars: OhlcvArrays): [string, Float64Array][] {
  const result = computeIndicator(name, bars);
  return result instanceof Float64Array
    ? [[name, result]]
    : Object.entries(result).map(([part, values]) => [`${name}.${part}`, values]);
}

const naiveMean = (v: Float64Array, from: number, to: number) => {
  let sum = 0;
  for (let i = from; i <= to; i++) sum += v[i];
  return sum / (to - from + 1);
};
/** The scale of a series: rounding in any window of it is relative to its largest value, not to the window's. */
const magnitude = (v: Float64Array) => v.reduce((m, x) => Math.max(m, Math.abs(x)), 1);
const near = (a: number, b: number, tolerance = 1e-9) => Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(b));

describe('every default indicator', () => {
  it('the warm-up table covers every part', () => {
    const bars = fc.sample(ohlcvBars(40, 40), 1)[0];
    expect(DEFAULT_INDICATORS.flatMap((name) => parts(name, bars).map(([key]) => key)).sort()).toEqual(
      Object.keys(FIRST_BAR).sort(),
    );
  });

  it('returns one value per bar: NaN exactly during the warm-up, finite after it (input shorter too)', () => {
    fc.assert(
      fc.property(ohlcvBars(0, 60), (bars) => {
        for (const name of DEFAULT_INDICATORS) {
          for (const [key, values] of parts(name, bars)) {
            expect(values).toHaveLength(bars.close.length);
            values.forEach((x, i) => expect([key, i, Number.isFinite(x)]).toEqual([key, i, i >= FIRST_BAR[key]]));
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('skips missing bars: NaN there, and elsewhere the values computed without those bars', () => {
    fc.assert(
      fc.property(ohlcvBars(30, 80), fc.array(fc.nat(79), { maxLength: 6 }), (bars, holes) => {
        const gaps = new Set(holes.filter((i) => i < bars.close.length));
        const keep = [...bars.close.keys()].filter((i) => !gaps.has(i));
        const withGaps = { ...bars, high: bars.high.map((x, i) => (gaps.has(i) ? NaN : x)) };
        const compact = Object.fromEntries(
          Object.entries(bars).map(([k, v]: [string, Float64Array]) => [k, Float64Array.from(keep, (i) => v[i])]),
        ) as unknown as OhlcvArrays;
        for (const name of ['tr', 'atr_14', 'stoch_14_3_3', 'willr_14', 'adx_14']) {
          const full = parts(name, withGaps);
          const reduced = parts(name, compact);
          full.forEach(([key, values], p) => {
            keep.forEach((i, j) => expect([key, i, values[i]]).toEqual([key, i, reduced[p][1][j]]));
            gaps.forEach((i) => expect([key, i, values[i]]).toEqual([key, i, NaN]));
          });
        }
        // Close-only indicators do not look at the high at all.
        expect(computeIndicator('sma_20', withGaps)).toEqual(computeIndicator('sma_20', bars));
      }),
      { numRuns: 50 },
    );
  });
});

describe('moving averages', () => {
  it('SMA, EMA and WMA of a constant series are that constant after the warm-up, NaN before', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 0, max: 80 }),
        period(),
        (c, n, p) => {
          const series = new Float64Array(n).fill(c);
          for (const values of [sma(series, p), ema(series, p), wma(series, p)]) {
            values.forEach((x, i) => (i < p - 1 ? expect(x).toBeNaN() : expect(near(x, c)).toBe(true)));
          }
        },
      ),
    );
  });

  it('SMA and WMA equal the plain window formulas', () => {
    fc.assert(
      fc.property(prices(0, 100), period(), (v, p) => {
        const s = sma(v, p);
        const w = wma(v, p);
        for (let i = p - 1; i < v.length; i++) {
          expect(near(s[i], naiveMean(v, i - p + 1, i))).toBe(true);
          let weighted = 0;
          for (let k = 1; k <= p; k++) weighted += k * v[i - p + k];
          expect(near(w[i], weighted / ((p * (p + 1)) / 2))).toBe(true);
        }
      }),
    );
  });

  it("EMA with seed 'first' starts at the first value and follows the recursion", () => {
    fc.assert(
      fc.property(prices(1, 60), period(), (v, p) => {
        const e = ema(v, p, { seed: 'first' });
        let expected = v[0];
        v.forEach((x, i) => {
          if (i > 0) expected += (2 / (p + 1)) * (x - expected);
          expect(near(e[i], expected)).toBe(true);
        });
      }),
    );
  });
});

describe('oscillators stay in range', () => {
  it('RSI is within [0, 100]', () => {
    fc.assert(
      fc.property(prices(0, 100), period(), (v, p) => {
        for (const x of rsi(v, p).filter(Number.isFinite)) expect(x >= 0 && x <= 100).toBe(true);
      }),
    );
  });

  it('RSI is 100 on a rising series and 0 on a falling one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), period(20), (n, p) => {
        const rising = Float64Array.from({ length: n }, (_, i) => 10 + i);
        const falling = rising.slice().reverse();
        for (const x of rsi(rising, p).filter(Number.isFinite)) expect(x).toBe(100);
        for (const x of rsi(falling, p).filter(Number.isFinite)) expect(x).toBe(0);
      }),
    );
  });

  it('Williams %R is within [-100, 0] and uses the window high and low', () => {
    fc.assert(
      fc.property(ohlcvBars(0, 80), period(20), (b, p) => {
        const w = williamsR(b.high, b.low, b.close, p);
        for (let i = p - 1; i < b.close.length; i++) {
          expect(w[i] >= -100 && w[i] <= 0).toBe(true);
          const hh = Math.max(...b.high.subarray(i - p + 1, i + 1));
          const ll = Math.min(...b.low.subarray(i - p + 1, i + 1));
          // TA-Lib's convention for an empty range (high == low over the whole window) is 0.
          expect(near(w[i], hh === ll ? 0 : (-100 * (hh - b.close[i])) / (hh - ll))).toBe(true);
        }
      }),
    );
  });

  it('stochastic %K and %D are within [0, 100], %D the 3-bar mean of %K', () => {
    fc.assert(
      fc.property(ohlcvBars(0, 80), period(20), (b, k) => {
        const s = stochastic(b.high, b.low, b.close, k, 3, 3);
        for (let i = k + 5; i < b.close.length; i++) {
          expect(s.k[i] >= 0 && s.k[i] <= 100 && s.d[i] >= 0 && s.d[i] <= 100).toBe(true);
          expect(near(s.d[i], (s.k[i] + s.k[i - 1] + s.k[i - 2]) / 3)).toBe(true);
        }
      }),
    );
  });

  it('ADX, +DI and -DI are within [0, 100]', () => {
    fc.assert(
      fc.property(ohlcvBars(0, 100), period(20), (b, p) => {
        const r = adx(b.high, b.low, b.close, p);
        for (const values of [r.adx, r.plus_di, r.minus_di]) {
          for (const x of values.filter(Number.isFinite)) expect(x >= 0 && x <= 100 + 1e-9).toBe(true);
        }
      }),
    );
  });
});

describe('bands and ranges', () => {
  it('Bollinger upper >= middle >= lower, middle = SMA, width = 2k population std', () => {
    fc.assert(
      fc.property(prices(0, 80), period(), fc.double({ min: 0.1, max: 4, noNaN: true }), (v, p, k) => {
        const b = bollinger(v, p, k);
        const mid = sma(v, p);
        for (let i = p - 1; i < v.length; i++) {
          expect(b.upper[i] >= b.middle[i] && b.middle[i] >= b.lower[i]).toBe(true);
          expect(near(b.middle[i], mid[i])).toBe(true);
          const mean = naiveMean(v, i - p + 1, i);
          let ss = 0;
          for (let j = i - p + 1; j <= i; j++) ss += (v[j] - mean) ** 2;
          expect(Math.abs(b.upper[i] - b.middle[i] - k * Math.sqrt(ss / p))).toBeLessThanOrEqual(
            1e-9 * k * magnitude(v),
          );
        }
      }),
    );
  });

  it('a flat window after an outlier has a band of exactly 0 (the counterexample of seed 1769660613)', () => {
    const b = bollinger(Float64Array.from([464.080752496537, 1, 1, 1]), 3, 0.13107200000376906);
    expect(b.upper[3] - b.lower[3]).toBe(0);
    expect(near(b.middle[3], 1, 1e-12)).toBe(true);
  });

  it('true range is at least high - low and ATR is positive', () => {
    fc.assert(
      fc.property(ohlcvBars(0, 80), period(20), (b, p) => {
        const tr = trueRange(b.high, b.low, b.close);
        for (let i = 1; i < tr.length; i++) expect(tr[i]).toBeGreaterThanOrEqual(b.high[i] - b.low[i]);
        for (const x of atr(b.high, b.low, b.close, p).filter(Number.isFinite)) expect(x).toBeGreaterThan(0);
      }),
    );
  });
});

describe('volatility', () => {
  it('is the annualised sample std of the window of simple returns', () => {
    fc.assert(
      fc.property(prices(0, 60), fc.integer({ min: 2, max: 25 }), (v, p) => {
        const vol = volatility(v, p, { periodsPerYear: 12 });
        for (let i = p; i < v.length; i++) {
          const r = Array.from({ length: p }, (_, k) => v[i - p + 1 + k] / v[i - p + k] - 1);
          const mean = r.reduce((a, x) => a + x, 0) / p;
          const sd = Math.sqrt(r.reduce((a, x) => a + (x - mean) ** 2, 0) / (p - 1));
          expect(Math.abs(vol[i] - sd * Math.sqrt(12))).toBeLessThanOrEqual(1e-9 * magnitude(Float64Array.from(r)));
        }
      }),
    );
  });

  it('is 0 for a series growing at a constant rate', () => {
    const growing = Float64Array.from({ length: 40 }, (_, i) => 100 * 1.01 ** i);
    for (const x of volatility(growing, 10).subarray(10)) expect(x).toBeLessThan(1e-6);
  });
});
