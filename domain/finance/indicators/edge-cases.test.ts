import { adx } from './adx';
import { bollinger } from './bollinger';
import { ema } from './ema';
import { macd } from './macd';
import { obv } from './obv';
import { roc } from './roc';
import { rsi } from './rsi';
import { sma } from './sma';
import { stochastic } from './stochastic';
import { atr, trueRange } from './true-range';
import { volatility } from './volatility';
import { williamsR } from './williams-r';
import { wma } from './wma';

// Hand-computed cases for the conventions that the reference files do not pin, and the edge cases.

const high = [10, 11, 12, 11, 13];
const low = [8, 9, 10, 9, 10];
const close = [9, 10, 11, 10, 12];

describe('true range and ATR (TA-Lib convention)', () => {
  it('leaves bar 0 empty and uses the previous close after it', () => {
    // bar 1: max(11, 9) - min(9, 9) = 2; bar 2: 12 - 10 = 2; bar 3: 11 - 9 = 2; bar 4: 13 - 10 = 3
    expect(Array.from(trueRange(high, low, close))).toEqual([NaN, 2, 2, 2, 3]);
    expect(Array.from(trueRange(high, low, close, { firstBar: 'highLow' }))).toEqual([2, 2, 2, 2, 3]);
  });

  it('seeds ATR(n) at bar n with the mean of TR 1..n, then smooths it the Wilder way', () => {
    // ATR(2): bar 2 = (2+2)/2 = 2; bar 3 = (2*1+2)/2 = 2; bar 4 = (2*1+3)/2 = 2.5
    expect(Array.from(atr(high, low, close, 2))).toEqual([NaN, NaN, 2, 2, 2.5]);
    // Tulip: TR_0 = high-low = 2 counts, so the seed is one bar earlier.
    expect(Array.from(atr(high, low, close, 2, { firstBar: 'highLow' }))).toEqual([NaN, 2, 2, 2, 2.5]);
  });
});

describe('OBV', () => {
  it("starts at the first volume (TA-Lib), or at 0 with start: 'zero' (Tulip)", () => {
    const c = [10, 11, 11, 9, 12];
    const v = [100, 200, 300, 400, 500];
    expect(Array.from(obv(c, v))).toEqual([100, 300, 300, -100, 400]);
    expect(Array.from(obv(c, v, { start: 'zero' }))).toEqual([0, 200, 200, -200, 300]);
  });
});

describe('flat markets (TA-Lib values where the formula divides by zero)', () => {
  const flat = [5, 5, 5, 5, 5, 5, 5, 5];

  it('RSI is 0, stochastic and Williams %R are 0, Bollinger bands collapse onto the mean', () => {
    expect(Array.from(rsi(flat, 3).subarray(3))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(williamsR(flat, flat, flat, 3).subarray(2))).toEqual([0, 0, 0, 0, 0, 0]);
    const s = stochastic(flat, flat, flat, 3, 2, 2);
    expect(Array.from(s.k.subarray(4))).toEqual([0, 0, 0, 0]);
    const b = bollinger(flat, 4, 2);
    expect([b.upper[7], b.middle[7], b.lower[7]]).toEqual([5, 5, 5]);
  });

  it('ADX and both DI are 0, and volatility is 0', () => {
    const r = adx(flat, flat, flat, 2);
    expect(Array.from(r.plus_di.subarray(2))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(r.adx.subarray(3))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(volatility(flat, 3).subarray(3))).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('ROC', () => {
  it('is 100*(c/c[n]-1), NaN on a zero base instead of a misleading 0', () => {
    const r = roc([0, 50, 100, 110], 2);
    expect(Array.from(r.subarray(0, 3))).toEqual([NaN, NaN, NaN]);
    expect(r[3]).toBeCloseTo(120, 12);
  });
});

describe('volatility', () => {
  it('uses the sample std (ddof 1) by default, the population std with ddof 0', () => {
    // returns 0.1, -0.1 (110 -> 99): mean 0, sample var 0.02, population var 0.01
    const v = [100, 110, 99];
    expect(volatility(v, 2, { periodsPerYear: 1 })[2]).toBeCloseTo(Math.sqrt(0.02), 12);
    expect(volatility(v, 2, { periodsPerYear: 1, ddof: 0 })[2]).toBeCloseTo(0.1, 12);
    expect(volatility(v, 2)[2]).toBeCloseTo(Math.sqrt(0.02 * 252), 12);
  });
});

describe('MACD seeds', () => {
  it("'first' seeds the EMAs with the first value, output from bar slow-1", () => {
    const v = [1, 2, 3, 4, 5, 6];
    const m = macd(v, 2, 3, 2, { seed: 'first' });
    // fast k=2/3, slow k=1/2: fast = 1, 1.6667, 2.5556; slow = 1, 1.5, 2.25 -> macd at bar 2 = 0.30556
    expect(m.macd[1]).toBeNaN();
    expect(m.macd[2]).toBeCloseTo(2.5555555556 - 2.25, 9);
    expect(m.signal[2]).toBeCloseTo(m.macd[2], 12);
    expect(m.hist[2]).toBe(0);
  });

  it("'talib' and 'independent' agree on the slow EMA and differ only through the fast seed", () => {
    const v = Array.from({ length: 40 }, (_, i) => 50 + Math.sin(i) * 5 + i);
    const talib = macd(v, 3, 6, 2);
    const independent = macd(v, 3, 6, 2, { seed: 'independent' });
    // Fast EMA(3), seeded at bar 5 with the mean of bars 3..5 (talib) or at bar 2 (independent).
    const fastTalib = ema(v.slice(3), 3)[2];
    const fastIndependent = ema(v, 3)[5];
    const slow = ema(v, 6)[5];
    expect(independent.macd[5]).toBeCloseTo(fastIndependent - slow, 12);
    expect(talib.macd[5]).toBeNaN();
    expect(talib.macd[6] - independent.macd[6]).toBeCloseTo((fastTalib - fastIndependent) * 0.5, 12);
  });
});

describe('inputs', () => {
  it('accepts number[] as well as Float64Array', () => {
    expect(sma([1, 2, 3, 4], 2)).toEqual(sma(Float64Array.from([1, 2, 3, 4]), 2));
    expect(Array.from(wma([1, 2, 3], 3))).toEqual([NaN, NaN, 14 / 6]);
  });

  it('treats NaN and Infinity as missing bars', () => {
    expect(Array.from(sma([1, NaN, 3, Infinity, 5], 2))).toEqual([NaN, NaN, 2, NaN, 4]);
  });

  it('rejects series of different lengths', () => {
    expect(() => trueRange([1, 2], [1], [1, 2])).toThrow(/inputs must have the same length \(high=2, low=1, close=2\)/);
  });

  it.each([0, -1, 2.5, NaN, Infinity])('rejects period %p with a RangeError naming the indicator', (p) => {
    expect(() => sma([1, 2, 3], p)).toThrow(new RangeError(`sma: period must be an integer >= 1, got ${p}`));
    expect(() => ema([1, 2, 3], p)).toThrow(/^ema: period/);
    expect(() => rsi([1, 2, 3], p)).toThrow(RangeError);
    expect(() => atr([1], [1], [1], p)).toThrow(RangeError);
    expect(() => stochastic([1], [1], [1], 14, p)).toThrow(/stoch: k slowing period/);
    expect(() => macd([1], 12, 26, p)).toThrow(/macd: signal period/);
  });
});
