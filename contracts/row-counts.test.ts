import { addFileFailures, emptyRowCounts, MAX_FAILURE_MESSAGE_BYTES, MAX_FILE_FAILURES, truncateText } from '.';

describe('truncateText', () => {
  it('passes short text through unchanged', () => {
    expect(truncateText('short')).toBe('short');
  });

  it('cuts long text to the byte limit with a note of what was cut', () => {
    const out = truncateText('x'.repeat(50_000_000));
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MAX_FAILURE_MESSAGE_BYTES);
    expect(Buffer.byteLength(out)).toBeGreaterThan(MAX_FAILURE_MESSAGE_BYTES - 64);
    expect(out).toMatch(/ … \[\d+ more characters\]$/);
  });

  it('never cuts inside a multi-byte character and counts bytes, not characters', () => {
    const out = truncateText('é€😀'.repeat(1000), 100);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(100);
    expect(out).not.toContain('\uFFFD');
    expect(Buffer.from(out, 'utf8').toString('utf8')).toBe(out);
  });
});

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
