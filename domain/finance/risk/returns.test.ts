import fc from 'fast-check';
import { alignByDate, datedReturns, simpleReturns } from '.';

const ISO_DATES = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));

/** A random subset of the calendar above, ascending, each date with a value derived from it. */
const datedSubset = fc.subarray(ISO_DATES).map((dates) => ({ dates, values: dates.map((_, i) => i + 0.5) }));

describe('returns and alignment', () => {
  it('computes simple returns dated by the bar they end on', () => {
    expect(simpleReturns([100, 110, 99])).toEqual([0.10000000000000009, -0.09999999999999998]);
    expect(datedReturns({ dates: ['2020-01-01', '2020-01-02', '2020-01-03'], values: [100, 110, 99] })).toEqual({
      dates: ['2020-01-02', '2020-01-03'],
      values: [0.10000000000000009, -0.09999999999999998],
    });
  });

  it('keeps exactly the common dates, in order, each with its own values', () => {
    fc.assert(
      fc.property(datedSubset, datedSubset, (a, b) => {
        const joined = alignByDate(a, b);
        const inB = new Set(b.dates);
        expect(joined.dates).toEqual(a.dates.filter((d) => inB.has(d)));
        joined.dates.forEach((date, k) => {
          expect(joined.a[k]).toBe(a.values[a.dates.indexOf(date)]);
          expect(joined.b[k]).toBe(b.values[b.dates.indexOf(date)]);
        });
      }),
    );
  });
});
