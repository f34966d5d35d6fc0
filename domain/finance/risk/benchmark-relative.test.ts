import fc from 'fast-check';
import { alpha, beta, correlation, excessSharpe, informationRatio, rSquared, trackingError, treynorRatio } from '.';
import { benchmarkRelative } from './benchmark-relative';

/** Daily-like returns with gaps (NaN), ties and the odd infinity on either side. */
const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -0.1, max: 0.1, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(NaN, 0, 0.01) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity) },
);
const pairs = fc
  .integer({ min: 0, max: 120 })
  .chain((n) =>
    fc.tuple(fc.array(value, { minLength: n, maxLength: n }), fc.array(value, { minLength: n, maxLength: n })),
  );

describe('benchmarkRelative', () => {
  it('equals the one-metric functions of benchmark.ts to the bit', () => {
    fc.assert(
      fc.property(pairs, fc.constantFrom(0, 0.0001, -0.002), fc.constantFrom(252, 12), ([r, b], riskFree, periods) => {
        const slope = beta(r, b, riskFree);
        expect(benchmarkRelative(r, b, periods, riskFree)).toEqual({
          beta: slope,
          alpha: alpha(r, b, periods, riskFree),
          correlation: correlation(r, b),
          rSquared: rSquared(r, b),
          excessSharpe: excessSharpe(r, b),
          informationRatio: informationRatio(r, b, periods),
          treynor: treynorRatio(r, b, periods, riskFree),
          trackingError: trackingError(r, b, periods),
        });
      }),
      { numRuns: 2000 },
    );
  });
});
