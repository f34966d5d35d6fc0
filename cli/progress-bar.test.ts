import { renderProgress } from './progress-bar';

describe('renderProgress', () => {
  it('fills the bar by batches done and names rows, rejects and failures', () => {
    expect(
      renderProgress(
        { phase: 'running', batchesTotal: 4, batchesDone: 1, batchesFailed: 1, rowsLoaded: 12345, rowsRejected: 3 },
        'RUNNING',
        8,
      ),
    ).toBe('[##------] 1/4 batches · 12,345 rows · 3 rejected · 1 failed (running)');
    expect(renderProgress({ phase: 'done', batchesTotal: 2, batchesDone: 2, rowsLoaded: 10 }, 'COMPLETED', 4)).toBe(
      '[####] 2/2 batches · 10 rows (done)',
    );
  });

  it('shows an empty bar while planning or when the run reports no progress', () => {
    expect(renderProgress({ phase: 'planning', batchesTotal: 0, batchesDone: 0 }, 'RUNNING', 4)).toBe(
      '[----] 0/0 batches · 0 rows (planning)',
    );
    expect(renderProgress(null, 'FAILED', 4)).toBe('[    ] failed');
  });
});
