import type { BatchedRunTotals } from '../contracts';
import { progressOf } from './run-progress';

type Totals = BatchedRunTotals & { skipped: { symbol: string; reason: string }[] };

const totals = (): Totals => ({
  outcome: 'partial',
  batches: 3,
  batchesFailed: 1,
  failures: [{ batchKey: 'b0001', symbols: ['AAA', 'BBB'], type: 'ActivityTimeout', message: 'load timed out' }],
  skipped: [
    { symbol: 'CCC', reason: 'not analysable: too few bars' },
    { symbol: 'AAA', reason: 'not analysable: no common dates' },
  ],
});

describe('progressOf', () => {
  it("lists the failed batches' symbols, then the symbols completed batches could not process", () => {
    const spec = { kind: 'analysis' as const, symbolFailures: (t: Totals) => t.skipped };
    const progress = progressOf(spec, { batches: [1, 2, 3], nextBatch: 3, totals: totals() }, 'done', 0);
    expect(progress.failuresBySymbol).toEqual({
      // A failed batch's reason wins over what an earlier attempt reported for the same symbol.
      AAA: 'ActivityTimeout: load timed out',
      BBB: 'ActivityTimeout: load timed out',
      CCC: 'not analysable: too few bars',
    });
    expect(progress).toMatchObject({ batchesTotal: 3, batchesDone: 3, batchesFailed: 1, phase: 'done' });
  });

  it('lists only failed batches for a kind without per-symbol failures', () => {
    const progress = progressOf(
      { kind: 'prices' },
      { batches: [1, 2, 3], nextBatch: 2, totals: totals() },
      'running',
      1,
    );
    expect(Object.keys(progress.failuresBySymbol)).toEqual(['AAA', 'BBB']);
    expect(progress.batchesDone).toBe(1);
  });
});
