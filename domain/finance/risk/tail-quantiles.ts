/**
 * Historical VaR, CVaR and the tail ratio of one sample by selection rather than a full sort: they need two ranks
 * near each end and the values below the VaR rank, about 5% of the sample. The results equal the `...OfSorted`
 * functions of distribution.ts on the sorted sample to the bit (tail-quantiles.test.ts checks it on random data).
 */
import { mean } from './stats';
import { selectInPlace, smallestFrom } from './order-statistics';

export interface TailQuantiles {
  valueAtRisk: number;
  conditionalValueAtRisk: number;
  tailRatio: number;
}

/** `percentileOfSorted` of the sorted `values`, reordering them on the way. */
function percentileBySelection(values: Float64Array, q: number): number {
  const rank = (q / 100) * (values.length - 1);
  const below = Math.floor(rank);
  const low = selectInPlace(values, below);
  const high = below + 1 < values.length ? smallestFrom(values, below + 1) : low;
  return low + (high - low) * (rank - below);
}

/** VaR and CVaR at `cutoff` and the 95/5 tail ratio of the present returns (left unchanged). */
export function tailQuantiles(present: Float64Array, cutoff: number): TailQuantiles {
  if (present.length === 0) return { valueAtRisk: NaN, conditionalValueAtRisk: NaN, tailRatio: NaN };
  const work = new Float64Array(present);
  const upper = percentileBySelection(work, 95);
  const valueAtRisk = percentileBySelection(work, 100 * cutoff);
  const lower = 100 * cutoff === 5 ? valueAtRisk : percentileBySelection(work, 5);
  // CVaR sums the worst returns in ascending order, as the sorted version does: select them, then sort just them.
  const cutoffIndex = Math.floor((work.length - 1) * cutoff);
  selectInPlace(work, cutoffIndex);
  const worst = work.subarray(0, cutoffIndex + 1).sort();
  return { valueAtRisk, conditionalValueAtRisk: mean(worst), tailRatio: Math.abs(upper) / Math.abs(lower) };
}
