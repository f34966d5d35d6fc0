import fc from 'fast-check';
import { detectSuspicions, type CloseBar } from './rules';
import { detectScreenedSuspicions, screenBars } from './screen';

/** One close per day from 2020-01-01. */
const series = (closes: readonly number[]): CloseBar[] =>
  closes.map((close, i) => ({ date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), close }));

/** Mostly quiet days, with jumps, crashes, spikes that revert, moves right at the thresholds, and runs of them. */
const closes = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.double({ min: -0.03, max: 0.03, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(-0.6, -0.5, -0.4, -0.25, 0.25, 0.4, 0.75, 1, 2) },
      { weight: 1, arbitrary: fc.double({ min: -0.7, max: 1.5, noNaN: true }) },
    ),
    { maxLength: 60 },
  )
  .map((moves) => {
    const out = [100];
    for (const move of moves) out.push(Math.max(0.01, out[out.length - 1] * (1 + move)));
    return out;
  });

describe('screening a series before the rules', () => {
  it('finds exactly the suspicions of the whole series', () => {
    fc.assert(
      fc.property(closes, (values) => {
        const bars = series(values);
        expect(detectScreenedSuspicions(screenBars(bars))).toEqual(detectSuspicions(bars));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the bar on each side of a big move and reads each stretch on its own', () => {
    const bars = series([10, 10, 10, 10, 10, 20, 10, 10, 10, 10, 10, 10, 4, 4, 4, 4]);
    expect(screenBars(bars).map((b) => b.n)).toEqual([5, 6, 7, 8, 12, 13, 14]);
    expect(detectScreenedSuspicions(screenBars(bars)).map((s) => `${s.reason} ${s.date}`)).toEqual([
      'suspected_bad_bar 2020-01-06',
      'suspected_corporate_action 2020-01-13',
    ]);
  });

  it('keeps nothing of a quiet series', () => {
    expect(screenBars(series([10, 10.5, 10.2, 11, 10.8]))).toEqual([]);
  });
});
