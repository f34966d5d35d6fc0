import fc from 'fast-check';
import { conditionalValueAtRiskOfSorted, sortedAscending, tailRatioOfSorted, valueAtRiskOfSorted } from '.';
import { selectInPlace, smallestFrom } from './order-statistics';
import { tailQuantiles } from './tail-quantiles';

/** Returns with what a selection gets wrong first: ties, zeros of both signs, infinities. */
const sample = fc.array(
  fc.oneof(
    { weight: 8, arbitrary: fc.double({ min: -0.2, max: 0.2, noNaN: true }) },
    { weight: 2, arbitrary: fc.constantFrom(0, -0, 0.01, -0.01) },
    { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, -1) },
  ),
  { minLength: 1, maxLength: 300 },
);

describe('selectInPlace', () => {
  it('puts at every rank what a sort puts there, -0 before +0 included', () => {
    fc.assert(
      fc.property(sample, (values) => {
        const sorted = sortedAscending(values);
        for (let k = 0; k < values.length; k++) {
          const work = new Float64Array(values);
          expect(Object.is(selectInPlace(work, k), sorted[k])).toBe(true);
          if (k + 1 < values.length) expect(Object.is(smallestFrom(work, k + 1), sorted[k + 1])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact on long runs of ties and on sorted and reversed input', () => {
    const ties = Array.from({ length: 999 }, (_, i) => [0, -0, 1][i % 3]);
    const ascending = Array.from({ length: 1000 }, (_, i) => i);
    for (const values of [ties, ascending, [...ascending].reverse()]) {
      const sorted = sortedAscending(values);
      for (const k of [0, 1, 49, 500, values.length - 1]) {
        expect(Object.is(selectInPlace(new Float64Array(values), k), sorted[k])).toBe(true);
      }
    }
  });
});

describe('tailQuantiles', () => {
  it('equals VaR, CVaR and the tail ratio of the sorted sample to the bit, and leaves the sample alone', () => {
    fc.assert(
      fc.property(sample, fc.constantFrom(0.01, 0.05, 0.1, 0.25), (values, cutoff) => {
        const present = new Float64Array(values);
        const sorted = sortedAscending(values);
        const tails = tailQuantiles(present, cutoff);
        expect(tails.valueAtRisk).toBe(valueAtRiskOfSorted(sorted, cutoff));
        expect(tails.conditionalValueAtRisk).toBe(conditionalValueAtRiskOfSorted(sorted, cutoff));
        expect(tails.tailRatio).toBe(tailRatioOfSorted(sorted));
        expect(Array.from(present)).toEqual(values);
      }),
      { numRuns: 1000 },
    );
  });

  it('is NaN throughout for an empty sample', () => {
    expect(tailQuantiles(new Float64Array(0), 0.05)).toEqual({
      valueAtRisk: NaN,
      conditionalValueAtRisk: NaN,
      tailRatio: NaN,
    });
  });
});
