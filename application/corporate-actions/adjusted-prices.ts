/**
 * A price series back-adjusted for the symbol's recorded splits and dividends (`?adjust=` on the prices route).
 * The stored bars are never changed: the adjustment is computed on read, from the actions recorded now, so an action
 * recorded after the bars were cached still shows in the next answer.
 */
import type { Pool } from 'pg';
import type { PriceAdjustment } from '../../contracts/corporate-actions';
import { adjustBars, type AdjustableBar } from '../../domain/corporate-actions';
import { readRecordedActions } from '../../infra/repositories/corporate-actions';

export interface AppliedAdjustment {
  adjust: PriceAdjustment;
  /** Recorded actions that changed a bar of this series (actions after its last bar or before its first change none). */
  factorsApplied: number;
}

/** Prices are in terms of the series' last bar: actions with an ex-date after it do not apply. */
export async function adjustPriceSeries<B extends AdjustableBar>(
  db: Pick<Pool, 'query'>,
  symbol: string,
  bars: readonly B[],
  adjust: PriceAdjustment,
): Promise<{ bars: B[]; adjustment: AppliedAdjustment }> {
  if (adjust === 'none' || bars.length < 2) return { bars: [...bars], adjustment: { adjust, factorsApplied: 0 } };
  const actions = (await readRecordedActions(db, [symbol])).get(symbol) ?? [];
  const adjusted = adjustBars(bars, actions, adjust);
  return { bars: adjusted.bars, adjustment: { adjust, factorsApplied: adjusted.factorsApplied } };
}
