import { type Amount, combine, withReason } from './amount';
import type { RatioSet } from './ratio-names';

type GrowthRatio = 'revenue_growth' | 'eps_growth' | 'revenue_cagr_3y' | 'eps_cagr_3y';

/** Growth from a negative or zero base has no meaningful rate, so it is reported missing rather than signed. */
export function compoundGrowth(latest: Amount, base: Amount, years: number): Amount {
  return combine([latest, base], (now, then) => {
    if (then <= 0) return 'not meaningful: base value ≤ 0';
    if (now < 0) return 'not meaningful: latest value < 0';
    return (now / then) ** (1 / years) - 1;
  });
}

export interface GrowthInputs {
  revenue: { current: Amount; prior: Amount; threeYearsBack: Amount };
  /** Per-share values already restated to the current share basis (see split-adjustment.ts). */
  eps: { current: Amount; prior: Amount; threeYearsBack: Amount };
}

export function growthRatios({ revenue, eps }: GrowthInputs): RatioSet<GrowthRatio> {
  return {
    revenue_growth: compoundGrowth(revenue.current, withReason(revenue.prior, 'prior year'), 1),
    eps_growth: compoundGrowth(eps.current, withReason(eps.prior, 'prior year'), 1),
    revenue_cagr_3y: compoundGrowth(revenue.current, withReason(revenue.threeYearsBack, 'three years back'), 3),
    eps_cagr_3y: compoundGrowth(eps.current, withReason(eps.threeYearsBack, 'three years back'), 3),
  };
}
