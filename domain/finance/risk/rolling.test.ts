import { annualVolatility, beta, rollingBeta, rollingSharpe, rollingVolatility, sharpeRatio } from '.';

const DF_ONE = [-0.00171614, 0.01322056, 0.03063862, -0.01422057, -0.00489779, 0.01268925, -0.03357711, 0.01797036];
const DF_TWO = [0.01846232, 0.00793951, -0.01448395, 0.00422537, -0.00339611, 0.03756813, 0.0151531, 0.03549769];

describe('rolling metrics', () => {
  it('leaves the warm-up empty and computes each full window', () => {
    const sharpe = rollingSharpe(DF_ONE, 4, 252);
    expect(sharpe).toHaveLength(8);
    expect(sharpe.slice(0, 3).every(Number.isNaN)).toBe(true);
    // numpy: r[-4:].mean() / r[-4:].std(ddof=1) * sqrt(252); r[:4].std(ddof=1) * sqrt(252)
    expect(sharpe[7]).toBeCloseTo(-1.3346770169648967, 12);
    expect(rollingVolatility(DF_ONE, 4, 252)[3]).toBeCloseTo(0.3072393207222199, 12);
  });

  it('equals the full-sample metric on each window', () => {
    const betas = rollingBeta(DF_ONE, DF_TWO, 5);
    for (let end = 5; end <= 8; end++) {
      expect(betas[end - 1]).toBe(beta(DF_ONE.slice(end - 5, end), DF_TWO.slice(end - 5, end)));
      expect(rollingSharpe(DF_ONE, 5, 52)[end - 1]).toBe(sharpeRatio(DF_ONE.slice(end - 5, end), 0, 52));
      expect(rollingVolatility(DF_ONE, 5, 12)[end - 1]).toBe(annualVolatility(DF_ONE.slice(end - 5, end), 12));
    }
  });

  it('rejects a window that cannot hold a standard deviation', () => {
    expect(() => rollingVolatility(DF_ONE, 1, 252)).toThrow('window');
  });
});
