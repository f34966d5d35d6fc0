/** One row of `GET /v1/securities`: a security, the span of its bars, and the headline figures of its latest analysis. */
export interface SecuritySummary {
  symbol: string;
  name: string | null;
  exchange: string | null;
  currency: string;
  /** First and last bar dates (`YYYY-MM-DD`), null when no bar is loaded yet. */
  firstDate: string | null;
  lastDate: string | null;
  bars: number;
  /** The close of the last bar. */
  lastClose: number | null;
  /** Trailing 1-year return to the last bar (adjusted closes when both ends have one); null with less than a year. */
  return1y: number | null;
  /** The `as_of` of the latest stored analysis the next four figures come from; null when never analysed. */
  analysisAsOf: string | null;
  /** Annualised volatility of returns (`risk.annual_volatility`). */
  volatility: number | null;
  sharpe: number | null;
  /** Deepest peak-to-trough fall, a negative fraction (`risk.max_drawdown`). */
  maxDrawdown: number | null;
  /** `trend.label`: up, down or sideways. */
  trend: string | null;
  /**
   * Data-quality flags and their counts: bars loaded with each quality flag (`missing_open`, `zero_volume`, …) and
   * suspected corporate actions by reason (`suspected_bad_bar`, `suspected_corporate_action`). Empty when clean.
   */
  flags: Record<string, number>;
}
