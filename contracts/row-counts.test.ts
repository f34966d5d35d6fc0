import { addFileFailures, emptyRowCounts, MAX_FILE_FAILURES } from '.';

describe('addFileFailures', () => {
  it('keeps at most MAX_FILE_FAILURES and counts the rest', () => {
    const counts = emptyRowCounts();
    const many = Array.from({ length: MAX_FILE_FAILURES + 7 }, (_, i) => ({ file: `f${i}`, type: 'T', message: 'm' }));
    addFileFailures(counts, many.slice(0, 50));
    addFileFailures(counts, many.slice(50), 3);
    expect(counts.fileFailures).toHaveLength(MAX_FILE_FAILURES);
    expect(counts.fileFailures?.[99].file).toBe('f99');
    expect(counts.fileFailuresOmitted).toBe(10);
  });

  it('leaves counts without failures untouched', () => {
    const counts = emptyRowCounts();
    addFileFailures(counts, []);
    expect(counts).toEqual(emptyRowCounts());
  });
});
