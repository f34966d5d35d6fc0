import {
  conditionalValueAtRisk,
  excessKurtosis,
  normalQuantile,
  parametricConditionalValueAtRisk,
  parametricValueAtRisk,
  skewness,
  valueAtRisk,
  winRate,
} from '.';

// empyrical's `df_one` fixture; expected values computed with numpy 2.4 / scipy 1.17 (stats.skew, stats.kurtosis,
// np.percentile, norm.ppf), the libraries whose conventions these functions follow.
const DF_ONE = [-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036];

describe('distribution and tails', () => {
  it('matches scipy skew and excess kurtosis (biased moments)', () => {
    expect(skewness(DF_ONE)).toBeCloseTo(-0.43307828504928536, 12);
    expect(excessKurtosis(DF_ONE)).toBeCloseTo(-0.6418519435907695, 12);
  });

  it('matches numpy historical VaR and empyrical CVaR at 95%', () => {
    expect(valueAtRisk(DF_ONE)).toBeCloseTo(-0.026802321, 12);
    expect(conditionalValueAtRisk(DF_ONE)).toBeCloseTo(-0.03357711, 12);
  });

  it('matches the Gaussian VaR and CVaR from scipy.stats.norm', () => {
    expect(parametricValueAtRisk(DF_ONE)).toBeCloseTo(-0.03098617910182186, 9);
    expect(parametricConditionalValueAtRisk(DF_ONE)).toBeCloseTo(-0.039496423052070705, 9);
  });

  it('inverts the normal distribution to 1e-9', () => {
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263478740408408, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(Math.abs(normalQuantile(0.5))).toBeLessThan(1e-12);
  });

  it('skips missing returns and does not count a flat period as a win', () => {
    expect(winRate([NaN, 0.01, 0, -0.02, 0.03])).toBe(0.5);
    expect(winRate(DF_ONE)).toBe(0.5);
    expect(skewness([NaN, ...DF_ONE])).toBeCloseTo(skewness(DF_ONE), 15);
  });
});
