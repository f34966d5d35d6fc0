import { ApplicationFailure } from '@temporalio/common';
import { createAutoSource } from '.';
import type { SourceContext } from '../types';

const plan = (symbols: string[] | undefined, batchSize: number, order: ('yahoo' | 'stooq')[] = ['yahoo', 'stooq']) =>
  createAutoSource(order).plan(
    { request: { source: 'auto', symbols }, batchSize, runDate: '2026-01-02' },
    {} as SourceContext,
  );

describe('the auto source', () => {
  it('plans symbol batches that each carry the configured provider order', async () => {
    expect(await plan(['msft', 'AAPL', 'MSFT', 'IBM'], 2, ['stooq', 'yahoo'])).toEqual([
      { batchKey: 'b0001', symbols: ['MSFT', 'AAPL'], providers: ['stooq', 'yahoo'] },
      { batchKey: 'b0002', symbols: ['IBM'], providers: ['stooq', 'yahoo'] },
    ]);
  });

  it('refuses a run without symbols as invalid input', async () => {
    const error = await plan([], 10).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'InvalidInput', nonRetryable: true });
  });

  it('refuses an empty order when it is built', () => {
    expect(() => createAutoSource([])).toThrow('source "auto" needs at least one provider to try');
  });
});
