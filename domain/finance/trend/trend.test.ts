import { analyzeTrend, logTrend, movingAverageState, rangePosition, trendLabel } from '.';

const dates = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));

describe('trend', () => {
  it('recovers the growth rate of an exponential series with R² = 1', () => {
    const closes = Array.from({ length: 300 }, (_, i) => 100 * Math.exp((0.2 * i) / 252));
    const trend = logTrend(closes, 252);
    expect(trend.annualizedSlope).toBeCloseTo(0.2, 12);
    expect(trend.rSquared).toBeCloseTo(1, 12);
    expect(trend.bars).toBe(252);
    expect(
      logTrend(
        closes.map((c) => 1e4 / c),
        52,
        1000,
      ).annualizedSlope,
    ).toBeCloseTo((-0.2 * 52) / 252, 12);
  });

  it('dates the golden and death crosses of SMA 50/200', () => {
    // 100 for 200 bars, 110 from bar 200, 90 from bar 300. At bar 199 both averages are exactly 100; at bar 200
    // SMA50 = 100.2 > SMA200 = 100.05. After bar 300, SMA50 = 110 - 0.4 (k + 1) and SMA200 = 104.95 - 0.05 k at
    // bar 300 + k, first below at k = 14 (104.00 < 104.25; at k = 13 it is 104.40 > 104.30).
    const closes = Array.from({ length: 360 }, (_, i) => (i < 200 ? 100 : i < 300 ? 110 : 90));
    const d = dates(360);
    const state = movingAverageState(d, closes);
    expect(state.lastCross).toEqual({ kind: 'death_cross', date: d[314] });
    expect(movingAverageState(d.slice(0, 314), closes.slice(0, 314)).lastCross).toEqual({
      kind: 'golden_cross',
      date: d[200],
    });
    expect(state.regime).toBe('death_cross');
    expect(state.closeVsSlow).toBe('below');
    expect(state.fast).toBeCloseTo(90, 12);
  });

  it('has no averages or cross before enough bars', () => {
    const state = movingAverageState(dates(100), new Array<number>(100).fill(10));
    expect(state).toMatchObject({ fast: 10, slow: null, closeVsSlow: null, regime: null, lastCross: null });
  });

  it('measures the distance from the 52-week high and low, preferring highs and lows', () => {
    const closes = [50, 100, 80, 90];
    const highs = [200, 105, NaN, 95];
    const lows = [40, 95, 75, 85];
    const range = rangePosition(closes, highs, lows, 3);
    expect(range).toMatchObject({ high: 105, low: 75, bars: 3 });
    expect(range.fromHigh).toBeCloseTo(90 / 105 - 1, 15);
    expect(range.fromLow).toBeCloseTo(90 / 75 - 1, 15);
    expect(rangePosition(closes, null, null, 52)).toMatchObject({ high: 100, low: 50, bars: 4 });
  });

  it('labels by slope, R² and the side of SMA200', () => {
    expect(trendLabel(0.2, 0.9, 'above')).toBe('up');
    expect(trendLabel(0.2, 0.9, 'below')).toBe('sideways');
    expect(trendLabel(0.2, 0.4, 'above')).toBe('sideways');
    expect(trendLabel(0.05, 0.9, 'above')).toBe('sideways');
    expect(trendLabel(-0.2, 0.9, 'below')).toBe('down');
    expect(trendLabel(-0.2, 0.9, null)).toBe('down');
  });

  it('calls a steady 20%-a-year climb up and its mirror down', () => {
    const up = Array.from({ length: 400 }, (_, i) => 100 * Math.exp((0.2 * i) / 252));
    expect(analyzeTrend({ dates: dates(400), closes: up }, 252).label).toBe('up');
    const down = analyzeTrend({ dates: dates(400), closes: up.map((c) => 1e4 / c) }, 252);
    expect(down.label).toBe('down');
    expect(down.range.fromHigh).toBeCloseTo(Math.exp((-0.2 * 251) / 252) - 1, 12);
    expect(down.rule).toContain('R² >= 0.5');
  });
});
