import { logTrend, type LogTrend } from './log-trend';
import { movingAverageState, type MovingAverageState } from './moving-average-cross';
import { rangePosition, type RangePosition } from './range-position';
import { TREND_RULE, trendLabel, type TrendLabel } from './trend-label';

export interface TrendInput {
  dates: readonly string[];
  closes: ArrayLike<number>;
  /** Optional: the 52-week range uses them where present. */
  highs?: ArrayLike<number>;
  lows?: ArrayLike<number>;
}

export interface TrendReport {
  label: TrendLabel;
  rule: string;
  logTrend: LogTrend;
  movingAverages: MovingAverageState;
  /** The 52-week range, i.e. the last `periodsPerYear` bars. */
  range: RangePosition;
}

/** Trend of a price series over its last year of bars. */
export function analyzeTrend(input: TrendInput, periodsPerYear: number): TrendReport {
  if (input.closes.length < 2) throw new RangeError(`trend needs at least 2 bars, got ${input.closes.length}`);
  const trend = logTrend(input.closes, periodsPerYear);
  const movingAverages = movingAverageState(input.dates, input.closes);
  return {
    label: trendLabel(trend.annualizedSlope, trend.rSquared, movingAverages.closeVsSlow),
    rule: TREND_RULE,
    logTrend: trend,
    movingAverages,
    range: rangePosition(input.closes, input.highs ?? null, input.lows ?? null, periodsPerYear),
  };
}
