/**
 * Compounded returns. A missing return (NaN) compounds as 0: the wealth simply does not move that period.
 */

/** Wealth after each period: `startingValue * prod(1 + r)`, or the cumulative return `prod(1 + r) - 1` when 0. */
export function cumReturns(returns: readonly number[], startingValue = 0): number[] {
  let wealth = 1;
  return returns.map((r) => {
    if (!Number.isNaN(r)) wealth *= 1 + r;
    return startingValue === 0 ? wealth - 1 : wealth * startingValue;
  });
}

/** The last value of `cumReturns`; NaN for an empty series. */
export function cumReturnsFinal(returns: readonly number[], startingValue = 0): number {
  if (returns.length === 0) return NaN;
  return cumReturns(returns, startingValue)[returns.length - 1];
}

/** Total compounded return over the whole series. */
export function totalReturn(returns: readonly number[]): number {
  return cumReturnsFinal(returns, 0);
}

/**
 * Compound annual growth rate: `prod(1 + r) ^ (periodsPerYear / n) - 1`. As in empyrical, `n` counts missing
 * returns too: a missing period still took time.
 */
export function annualReturn(returns: readonly number[], periodsPerYear: number): number {
  if (returns.length === 0) return NaN;
  return annualReturnOfWealth(cumReturnsFinal(returns, 1), returns.length, periodsPerYear);
}

/** `annualReturn` of `periods` returns that compounded 1 into `finalWealth`. */
export function annualReturnOfWealth(finalWealth: number, periods: number, periodsPerYear: number): number {
  const years = periods / periodsPerYear;
  return finalWealth ** (1 / years) - 1;
}

/** CAGR is the annual return under another name. */
export const cagr = annualReturn;
