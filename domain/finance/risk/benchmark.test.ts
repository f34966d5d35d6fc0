import fc from 'fast-check';
import { alpha, beta, correlation, informationRatio, rSquared, trackingError, treynorRatio } from '.';

// empyrical's `df_one` and `df_two` fixtures; expected values computed with numpy 2.4 / scipy 1.17.
const DF_ONE = [-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036];
const DF_TWO = [0.01846232, 0.00793951, -0.01448395, 0.00422537, -0.00339611, 0.03756813, 0.0151531, 0.03549769];

/** Returns that vary: a constant series has no variance, so beta and correlation are undefined for it. */
const varyingReturns = fc
  .array(fc.double({ min: -0.2, max: 0.2, noNaN: true }), { minLength: 3, maxLength: 200 })
  .filter((r) => Math.max(...r) - Math.min(...r) > 1e-6);

describe('benchmark-relative metrics', () => {
  it('match numpy on two fixed series', () => {
    expect(beta(DF_ONE, DF_TWO)).toBeCloseTo(-0.027265344429046823, 12);
    expect(correlation(DF_ONE, DF_TWO)).toBeCloseTo(-0.024107368860321828, 12);
    expect(rSquared(DF_ONE, DF_TWO)).toBeCloseTo(0.0005811652333676145, 12);
    expect(informationRatio(DF_ONE, DF_TWO, 252)).toBeCloseTo(-5.832653307850712, 10);
    expect(treynorRatio(DF_ONE, DF_TWO, 252)).toBeCloseTo(-23.23008138218272, 8);
    expect(trackingError(DF_ONE, DF_TWO, 252)).toBeCloseTo(0.4366888593518291, 12);
  });

  it('drops pairs with a missing side', () => {
    expect(beta([NaN, ...DF_ONE], [0.5, ...DF_TWO])).toBeCloseTo(beta(DF_ONE, DF_TWO), 15);
    expect(correlation([...DF_ONE, 0.3], [...DF_TWO, NaN])).toBeCloseTo(correlation(DF_ONE, DF_TWO), 15);
  });

  it('gives beta 1, correlation 1 and alpha 0 for a series against itself', () => {
    fc.assert(
      fc.property(varyingReturns, (r) => {
        expect(beta(r, r)).toBeCloseTo(1, 9);
        expect(correlation(r, r)).toBeCloseTo(1, 9);
        expect(alpha(r, r, 252)).toBeCloseTo(0, 9);
      }),
    );
  });

  it('keeps correlation within [-1, 1] and R² within [0, 1]', () => {
    fc.assert(
      fc.property(varyingReturns, fc.double({ min: -3, max: 3, noNaN: true }), (r, k) => {
        const b = r.map((v, i) => k * v + 0.001 * Math.sin(i));
        const c = correlation(r, b);
        if (Number.isNaN(c)) return;
        expect(Math.abs(c)).toBeLessThanOrEqual(1);
        expect(rSquared(r, b)).toBeGreaterThanOrEqual(0);
        expect(rSquared(r, b)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is NaN against a flat benchmark', () => {
    expect(
      beta(
        DF_ONE,
        DF_ONE.map(() => 0.01),
      ),
    ).toBeNaN();
  });
});
