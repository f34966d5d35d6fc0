import fs from 'node:fs';
import { sharedData } from '../../../test/support/shared-data';
import { ema } from './ema';
import { macd } from './macd';
import { rsi } from './rsi';
import { sma } from './sma';
import { wma } from './wma';

// TA-Lib's own regression table (ta_regtest) over its 252-bar input. Convention checked: TA-Lib's (EMA seeded with
// the SMA of the first n closes, Wilder RSI, MACD fast EMA seeded at the slow EMA's first bar). `barIndex` is
// the 0-based input bar, so our full-length output is read at that index directly. The table truncates to 2-4
// decimals, hence the 0.01 tolerance the file prescribes.
interface SpotCheck {
  function: string;
  barIndex: number;
  expected_talib: number;
  ttr_value?: number;
}

const expected = JSON.parse(fs.readFileSync(sharedData('reference/talib/talib_regtest_expected.json'), 'utf8')) as {
  spot_checks: SpotCheck[];
};

const close = Float64Array.from(
  fs
    .readFileSync(sharedData('reference/talib/talib_regtest_input_252bars.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[4])),
);

const macdTalib = macd(close, 12, 26, 9);
const macdIndependent = macd(close, 12, 26, 9, { seed: 'independent' });

function ours(fn: string): Float64Array {
  const match = /^(\w+)\((\d+)\)$/.exec(fn);
  if (match) {
    const period = Number(match[2]);
    const compute = { SMA: sma, WMA: wma, EMA: ema, RSI: rsi }[match[1]];
    if (compute) return compute(close, period);
  }
  const part = /^MACD\(12,26,9\)\.(macd|signal|hist)$/.exec(fn)?.[1];
  if (part) return macdTalib[part];
  throw new Error(`no mapping for ${fn}`);
}

describe('TA-Lib regression table (ta_regtest, 252 bars)', () => {
  it('reads the whole input', () => {
    expect(close.length).toBe(252);
    expect(close[0]).toBe(91.5);
    expect(expected.spot_checks).toHaveLength(38);
  });

  it.each(expected.spot_checks.map((c) => [c.function, c.barIndex, c.expected_talib] as const))(
    '%s at bar %i = %d (TA-Lib convention, abs tol 0.01)',
    (fn, bar, value) => {
      expect(Math.abs(ours(fn)[bar] - value)).toBeLessThanOrEqual(0.01);
    },
  );

  it('is NaN exactly during each lookback', () => {
    expect(Number.isNaN(sma(close, 30)[28])).toBe(true);
    expect(Number.isNaN(ema(close, 10)[8])).toBe(true);
    expect(Number.isNaN(rsi(close, 14)[13])).toBe(true);
    for (const part of ['macd', 'signal', 'hist'] as const) {
      expect(Number.isNaN(macdTalib[part][32])).toBe(true);
      expect(Number.isFinite(macdTalib[part][33])).toBe(true);
    }
  });

  // R TTR 0.24.3 values quoted beside the table: exact computations, so they pin the arithmetic much tighter.
  it.each(
    expected.spot_checks
      .filter((c) => c.ttr_value !== undefined && !c.function.startsWith('MACD'))
      .map((c) => [c.function, c.barIndex, c.ttr_value!] as const),
  )('%s at bar %i = %d as R TTR (same convention, 1e-8)', (fn, bar, value) => {
    expect(ours(fn)[bar]).toBeCloseTo(value, 8);
  });

  // The independent seeding (R TTR) is checked against the TTR values quoted in the same file.
  it.each(expected.spot_checks.filter((c) => c.function.startsWith('MACD')).map((c) => [c.function, c.ttr_value!]))(
    '%s at bar 33 = %d with seed "independent" (R TTR convention)',
    (fn, value) => {
      const part = fn.split('.')[1];
      expect(macdIndependent[part][33]).toBeCloseTo(value, 8);
    },
  );

  it('MACD seeds converge: talib vs independent differ by < 0.01 at bar 60 and < 1e-5 at bar 100', () => {
    expect(Math.abs(macdTalib.macd[33] - macdIndependent.macd[33])).toBeGreaterThan(0.2);
    expect(Math.abs(macdTalib.macd[60] - macdIndependent.macd[60])).toBeLessThan(0.01);
    expect(Math.abs(macdTalib.macd[100] - macdIndependent.macd[100])).toBeLessThan(1e-5);
    expect(Number.isFinite(macdIndependent.macd[25])).toBe(true);
    expect(Number.isNaN(macdIndependent.macd[24])).toBe(true);
  });
});
