import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure } from '@temporalio/common';
import { MAX_FAILURE_MESSAGE_CHARS, outcomeOf } from '../contracts';
import { failureOf } from './failure-of';

describe('failureOf', () => {
  it('reports the root cause of a child failure by type and message', () => {
    const root = ApplicationFailure.nonRetryable('no such symbol', 'UnknownSymbol');
    const activity = new ActivityFailure(
      'activity failed',
      'collectPriceBatch',
      '1',
      'NON_RETRYABLE_FAILURE',
      'w',
      root,
    );
    const child = new ChildWorkflowFailure(
      'default',
      { workflowId: 'x/b0001', runId: 'r' },
      'ingestPriceBatch',
      'NON_RETRYABLE_FAILURE',
      activity,
    );
    expect(failureOf(child)).toEqual({ type: 'UnknownSymbol', message: 'no such symbol' });
  });

  it('truncates a huge message (a 50 MB header copied into an error) to a few KB', () => {
    const { message } = failureOf(ApplicationFailure.nonRetryable('x'.repeat(5_000_000), 'UnknownLayout'));
    expect(message.length).toBeLessThan(MAX_FAILURE_MESSAGE_CHARS + 64);
    expect(message).toMatch(/… \[4997952 more characters\]$/);
  });
});

describe('outcomeOf', () => {
  it('is succeeded with no failed batch, failed when every batch failed, partial between', () => {
    expect(outcomeOf({ batches: 0, batchesFailed: 0 })).toBe('succeeded');
    expect(outcomeOf({ batches: 3, batchesFailed: 0 })).toBe('succeeded');
    expect(outcomeOf({ batches: 3, batchesFailed: 1 })).toBe('partial');
    expect(outcomeOf({ batches: 3, batchesFailed: 3 })).toBe('failed');
  });

  it('counts failures inside completed batches: partial when something loaded, failed when nothing did', () => {
    expect(outcomeOf({ batches: 1, batchesFailed: 0 }, { failed: 0, loaded: false })).toBe('succeeded');
    expect(outcomeOf({ batches: 1, batchesFailed: 0 }, { failed: 2, loaded: true })).toBe('partial');
    expect(outcomeOf({ batches: 1, batchesFailed: 0 }, { failed: 2, loaded: false })).toBe('failed');
    expect(outcomeOf({ batches: 3, batchesFailed: 1 }, { failed: 1, loaded: false })).toBe('failed');
  });
});
