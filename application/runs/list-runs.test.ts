import { runsQuery } from './list-runs';
import { outcomeOfRun } from './run-status';

describe('runsQuery', () => {
  it('lists every top-level kind by default and narrows by kind, status and ids', () => {
    expect(runsQuery({})).toBe("IbyRunKind IN ('prices', 'fundamentals', 'analysis', 'pipeline', 'macro')");
    expect(runsQuery({ kind: 'analysis-batch', status: 'TIMED_OUT' })).toBe(
      "IbyRunKind = 'analysis-batch' AND ExecutionStatus = 'TimedOut'",
    );
    expect(runsQuery({ kind: 'prices' }, ['prices-a', "it's"])).toBe(
      "IbyRunKind = 'prices' AND WorkflowId IN ('prices-a', 'it\\'s')",
    );
  });

  it('matches nothing for a status visibility cannot hold or an empty id list', () => {
    expect(runsQuery({ status: 'UNKNOWN' })).toBeNull();
    expect(runsQuery({}, [])).toBeNull();
  });
});

describe('outcomeOfRun', () => {
  it.each([
    ['RUNNING', undefined, null],
    ['CANCELED', undefined, null],
    ['FAILED', undefined, 'failed'],
    ['TERMINATED', undefined, 'failed'],
    ['TIMED_OUT', undefined, 'failed'],
    ['COMPLETED', { outcome: 'partial', batches: 2, batchesFailed: 1 }, 'partial'],
    ['COMPLETED', { batches: 2, batchesFailed: 2 }, 'failed'],
    ['COMPLETED', { batches: 2, batchesFailed: 0 }, 'succeeded'],
    ['COMPLETED', { stages: [] }, 'succeeded'],
  ] as const)('%s with %j is %s', (status, result, expected) => {
    expect(outcomeOfRun(status, result)).toBe(expected);
  });
});
