import type { LineageBatch } from '../../contracts/analysis';
import { createRejectedRowsCounter, leadingFields, type RejectedRowsDeps } from './rejected-rows';

const batch = (batchKey: string): LineageBatch => ({
  workflowId: 'w',
  runId: 'r',
  batchKey,
  source: 'csv',
  loadedAt: '2026-01-01T00:00:00.000Z',
});

const OBJECTS: Record<string, string[]> = {
  'rejected/a.csv': [
    'line,reason,symbol,date,raw',
    '7,high_below_low,AAA,2015-01-02,"2015-01-02,1,0.5,0.9,1,10,AAA"',
    '9,open_outside_range,AAA,2015-01-05,"x"',
    '10,open_outside_range,"BRK.B",2015-01-05,"x"',
    '11,invalid_symbol,,2015-01-05,"2015-01-05,1,1,1,1,1,"',
    '',
  ],
  'rejected/b.csv': ['line,reason,symbol,date,raw', '3,high_below_low,AAA,2016-01-04,"y"'],
};

function fakes(rows: Record<string, number> = { 'rejected/a.csv': 4, 'rejected/b.csv': 1 }) {
  const reads: string[] = [];
  const deps: RejectedRowsDeps = {
    rejectedObjects: (lineage) =>
      Promise.resolve(
        lineage
          .map((l) => `rejected/${l.batchKey}.csv`)
          .filter((key) => key in rows)
          .map((key) => ({ key, rows: rows[key] })),
      ),
    // eslint-disable-next-line @typescript-eslint/require-await -- an async iterable, as the object store gives
    async *readLines(key) {
      reads.push(key);
      yield* OBJECTS[key];
    },
  };
  return { deps, reads };
}

describe('rejected rows for a symbol', () => {
  it('reads quoted and plain leading fields', () => {
    expect(leadingFields('10,open_outside_range,"BRK.B",2015-01-05,"x"', 3)).toEqual([
      '10',
      'open_outside_range',
      'BRK.B',
    ]);
    expect(leadingFields('1,r,"A""B",d', 4)).toEqual(['1', 'r', 'A"B', 'd']);
    expect(leadingFields('11,invalid_symbol,,2015', 3)).toEqual(['11', 'invalid_symbol', '']);
  });

  it("counts the symbol's rows by reason over its loads, reading each object once, and notes unattributed rows", async () => {
    const { deps, reads } = fakes();
    const rejectedFor = createRejectedRowsCounter(deps);
    expect(await rejectedFor('AAA', [batch('a'), batch('b'), batch('clean')])).toEqual({
      rejected: { total: 3, byReason: { high_below_low: 2, open_outside_range: 1 } },
      notes: ['rejected rows: 1 more in the same loads name no valid symbol'],
    });
    expect(await rejectedFor('BRK.B', [batch('a')])).toEqual({
      rejected: { total: 1, byReason: { open_outside_range: 1 } },
      notes: ['rejected rows: 1 more in the same loads name no valid symbol'],
    });
    expect(await rejectedFor('CCC', [batch('clean')])).toEqual({ rejected: { total: 0, byReason: {} }, notes: [] });
    expect(reads).toEqual(['rejected/a.csv', 'rejected/b.csv']);
  });

  it('says the count is not known when there is no ledger, or an object is too large to read here', async () => {
    const { deps, reads } = fakes({ 'rejected/a.csv': 5_000_000 });
    const rejectedFor = createRejectedRowsCounter(deps, { maxRows: 1000 });
    expect(await rejectedFor('AAA', [])).toEqual({
      rejected: null,
      notes: ['rejected rows: no load ledger for these bars'],
    });
    expect(await rejectedFor('AAA', [batch('a')])).toEqual({
      rejected: null,
      notes: ['rejected rows: 5000000 in rejected/a.csv, too many to attribute by symbol here'],
    });
    expect(reads).toEqual([]);
  });

  it('keeps the counts of the last few objects only, and reads a forgotten one again', async () => {
    const { deps, reads } = fakes();
    const rejectedFor = createRejectedRowsCounter(deps, { keep: 1 });
    await rejectedFor('AAA', [batch('a')]);
    await rejectedFor('AAA', [batch('b')]);
    await rejectedFor('AAA', [batch('a')]);
    expect(reads).toEqual(['rejected/a.csv', 'rejected/b.csv', 'rejected/a.csv']);
  });
});
