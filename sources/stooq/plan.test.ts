import { createStooqSource } from '.';
import type { PlanInput, SourceContext } from '../types';
import { planStooqBatches } from './plan';

describe('planStooqBatches', () => {
  it('chunks upper-cased, de-duplicated symbols in the given order with numbered keys', () => {
    const batches = planStooqBatches(['msft.us', 'AAPL.US', 'aapl.us', ' ibm.us ', 'MSFT.US', 'spy.us'], 2);

    expect(batches).toEqual([
      { batchKey: 'b0001', symbols: ['MSFT.US', 'AAPL.US'] },
      { batchKey: 'b0002', symbols: ['IBM.US', 'SPY.US'] },
    ]);
  });

  it('puts the remainder in a last, smaller batch and never returns parts', () => {
    const batches = planStooqBatches(['a', 'b', 'c', 'd', 'e'], 2);

    expect(batches.map((batch) => batch.symbols)).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
    expect(batches.map((batch) => batch.batchKey)).toEqual(['b0001', 'b0002', 'b0003']);
    expect(batches.every((batch) => batch.parts === undefined)).toBe(true);
  });

  it('keeps four-digit keys past the ninth batch', () => {
    const batches = planStooqBatches(
      Array.from({ length: 12 }, (_, i) => `s${i}`),
      1,
    );

    expect(batches[9].batchKey).toBe('b0010');
    expect(batches[11]).toEqual({ batchKey: 'b0012', symbols: ['S11'] });
  });

  it('refuses a batch size that would loop forever or produce empty batches', () => {
    expect(() => planStooqBatches(['a'], 0)).toThrow(RangeError);
    expect(() => planStooqBatches(['a'], 1.5)).toThrow(RangeError);
  });
});

describe('stooq adapter plan', () => {
  // plan must do no I/O: every capability throws if touched.
  const untouchable: SourceContext = {
    archiveRaw: () => Promise.reject(new Error('plan must not archive')),
    heartbeat: () => {
      throw new Error('plan must not heartbeat');
    },
    signal: new AbortController().signal,
    fetch: () => Promise.reject(new Error('plan must not fetch')),
  };
  const input = (symbols?: string[]): PlanInput => ({
    request: { source: 'stooq', symbols },
    batchSize: 2,
    runDate: '2024-01-02',
  });

  it('plans from request.symbols without touching the context', async () => {
    const source = createStooqSource({ baseUrl: 'http://127.0.0.1:9/q/d/l/' });

    await expect(source.plan(input(['aapl.us', 'msft.us', 'aapl.us', 'ibm.us']), untouchable)).resolves.toEqual([
      { batchKey: 'b0001', symbols: ['AAPL.US', 'MSFT.US'] },
      { batchKey: 'b0002', symbols: ['IBM.US'] },
    ]);
    expect(source.name).toBe('stooq');
  });

  it('fails without retry when the request names no symbol', async () => {
    const source = createStooqSource({ baseUrl: 'http://127.0.0.1:9/q/d/l/' });

    await expect(source.plan(input(undefined), untouchable)).rejects.toMatchObject({
      type: 'InvalidInput',
      nonRetryable: true,
    });
  });
});
