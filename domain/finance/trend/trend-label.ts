export type TrendLabel = 'up' | 'down' | 'sideways';

/** A move of 10% a year is about the long-run drift of equities: less than that is not a trend worth the name. */
export const MIN_ANNUAL_LOG_SLOPE = 0.1;
/** The line must explain at least half the variation of ln(price), so the slope is a trend and not one jump. */
export const MIN_R_SQUARED = 0.5;

export const TREND_RULE =
  `up when the annualised slope of ln(close) over the last year > +${MIN_ANNUAL_LOG_SLOPE} and its R² >= ` +
  `${MIN_R_SQUARED} and close > SMA200; down when the slope < -${MIN_ANNUAL_LOG_SLOPE} and R² >= ` +
  `${MIN_R_SQUARED} and close < SMA200; else sideways (without 200 bars the SMA200 condition is dropped)`;

/**
 * Three tests must agree: direction (slope), consistency (R²) and the price's side of its 200-bar average, the
 * usual long-term filter, so a trend that has just broken down is no longer called up.
 */
export function trendLabel(
  annualizedSlope: number,
  rSquared: number,
  closeVsSma200: 'above' | 'below' | null,
): TrendLabel {
  if (!(rSquared >= MIN_R_SQUARED)) return 'sideways';
  if (annualizedSlope > MIN_ANNUAL_LOG_SLOPE && closeVsSma200 !== 'below') return 'up';
  if (annualizedSlope < -MIN_ANNUAL_LOG_SLOPE && closeVsSma200 !== 'above') return 'down';
  return 'sideways';
}
