import fc from 'fast-check';
import {
  completePairs,
  mean,
  present,
  rollingBeta,
  rollingSharpe,
  rollingVolatility,
  runningRollingBeta,
  runningRollingRisk,
  SlidingMoments,
  std,
} from '.';

/**
 * Equal as numbers (NaN and infinities included) or within 1e-9 of `scale`, by default the larger magnitude. A
 * metric that is a difference of nearly equal terms (a mean near 0) can only be as precise as those terms: there
 * `scale` is the size of the terms.
 */
function close(actual: number, expected: number, scale = Math.max(Math.abs(actual), Math.abs(expected))): boolean {
  if (Object.is(actual, expected) || actual === expected) return true;
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return false;
  return Math.abs(actual - expected) <= 1e-9 * scale;
}

function expectClose(actual: readonly number[], expected: readonly number[], scales?: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  const mismatches = actual.flatMap((a, i) =>
    close(a, expected[i], scales?.[i] ?? Math.max(Math.abs(a), Math.abs(expected[i])))
      ? []
      : [{ i, a, expected: expected[i] }],
  );
  expect(mismatches).toEqual([]);
}

/** Per window: what a metric built on the mean could be at most, |values| averaged over the spread. */
function termScales(xs: readonly number[], spreads: readonly number[], window: number): number[] {
  return spreads.map((spread, i) => {
    const values = present(xs.slice(Math.max(0, i + 1 - window), i + 1));
    return Math.max(Math.abs(spread), mean(values.map(Math.abs)) / std(values)) * Math.sqrt(252);
  });
}

/** Per window: the largest a beta can be, sqrt(Sxx / Syy) (Cauchy-Schwarz), over the complete pairs. */
function betaScales(xs: readonly number[], ys: readonly number[], betas: readonly number[], window: number): number[] {
  return betas.map((b, i) => {
    const from = Math.max(0, i + 1 - window);
    const [x, y] = completePairs(xs.slice(from, i + 1), ys.slice(from, i + 1));
    return Math.max(Math.abs(b), std(x, 0) / std(y, 0));
  });
}

/**
 * Daily-like returns with what real series hold: gaps (NaN), flat stretches and the odd zero-price infinity. Values
 * are on a 1e-7 grid, as returns of prices with a few decimals are: subnormal returns would only test how both
 * versions round numbers no price series produces.
 */
const dailyReturn = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((k) => k / 1e7);
const returnSeries = fc
  .array(
    fc.oneof(
      { weight: 20, arbitrary: fc.array(dailyReturn, { maxLength: 40 }) },
      { weight: 2, arbitrary: fc.constant([NaN]) },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(0, 0.01, -0.003, 1e-9), fc.integer({ min: 1, max: 30 }))
          .map(([value, length]) => new Array<number>(length).fill(value)),
      },
      { weight: 1, arbitrary: fc.constantFrom([Infinity], [-Infinity]) },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((chunks) => chunks.flat());

describe('running rolling metrics', () => {
  it('equal the per-window definitions within 1e-9 relative', () => {
    fc.assert(
      fc.property(
        returnSeries,
        fc.integer({ min: 2, max: 60 }),
        fc.constantFrom(0, 0.0001),
        (returns, window, riskFree) => {
          const { sharpe, volatility } = runningRollingRisk(returns, window, 252, riskFree);
          expectClose(volatility, rollingVolatility(returns, window, 252));
          const expected = rollingSharpe(returns, window, 252, riskFree);
          const excess = returns.map((r) => r - riskFree);
          expectClose(sharpe, expected, termScales(excess, expected, window));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('give the per-window beta within 1e-9 relative', () => {
    fc.assert(
      fc.property(returnSeries, fc.integer({ min: 2, max: 60 }), fc.integer(), (returns, window, seed) => {
        // A benchmark that partly follows the returns, so that betas are neither all 0 nor degenerate.
        let state = seed;
        const noise = () => ((state = (state * 1103515245 + 12345) | 0) / 2 ** 31) * 0.01;
        const benchmark = returns.map((r, i) => (i % 17 === 3 ? NaN : 0.5 * r + noise()));
        const expected = rollingBeta(returns, benchmark, window);
        const scales = betaScales(returns, benchmark, expected, window);
        expectClose(runningRollingBeta(returns, benchmark, window), expected, scales);
      }),
      { numRuns: 300 },
    );
  });

  it('are exact on constant windows, as the definitions are', () => {
    const returns = [0.02, -0.01, 0.03, 0.01, 0.01, 0.01, 0.01];
    const { sharpe, volatility } = runningRollingRisk(returns, 4, 252);
    expect(volatility[6]).toBe(0);
    expect(sharpe[6]).toBe(Infinity);
    expect(runningRollingBeta(returns, [0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07], 4)[6]).toBe(0);
  });

  it('stay accurate over a long series with a mean far from zero', () => {
    // Running sums of x and x² would lose most digits here; the running mean does not.
    const returns = Array.from({ length: 20_000 }, (_, i) => 1000 + Math.sin(i) * 1e-3);
    const volatility = runningRollingRisk(returns, 50, 1).volatility;
    for (const end of [50, 5_000, 19_999])
      expect(close(volatility[end - 1], std(returns.slice(end - 50, end)))).toBe(true);
  });

  it('undo an addition with a removal', () => {
    const moments = new SlidingMoments();
    [0.1, -0.2, 0.3].forEach((x) => moments.add(x));
    moments.remove(0.1);
    expect(moments.count).toBe(2);
    expect(moments.mean).toBeCloseTo(0.05, 15);
    expect(moments.sampleStd()).toBeCloseTo(std([-0.2, 0.3]), 15);
  });
});
