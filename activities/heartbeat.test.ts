import { CancelledFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { heartbeating } from './heartbeat';

// Fake timers: the interval is counted exactly, however busy the machine is.
beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('heartbeating', () => {
  it('heartbeats on a timer while the work runs, repeating the latest details, and stops after', async () => {
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (details: unknown) => beats.push(details));
    let report: (details: unknown) => void = () => undefined;
    let finish: () => void = () => undefined;
    const running = env.run(() =>
      heartbeating((heartbeat) => {
        report = heartbeat;
        return new Promise<string>((resolve) => (finish = () => resolve('done')));
      }, 50),
    );
    await jest.advanceTimersByTimeAsync(0);
    expect(beats).toEqual([undefined]); // one at the start
    await jest.advanceTimersByTimeAsync(150);
    expect(beats).toEqual([undefined, undefined, undefined, undefined]);
    report({ file: 2 });
    await jest.advanceTimersByTimeAsync(100);
    // The progress, then the timer repeating it.
    expect(beats.slice(4)).toEqual([{ file: 2 }, { file: 2 }, { file: 2 }]);
    finish();
    await expect(running).resolves.toBe('done');
    const count = beats.length;
    await jest.advanceTimersByTimeAsync(500);
    expect(beats).toHaveLength(count);
  });

  it("hands the work the activity's cancellation signal, which aborts when the activity is cancelled", async () => {
    const env = new MockActivityEnvironment();
    let signal: AbortSignal | undefined;
    const running = env.run(() =>
      heartbeating(
        (_heartbeat, cancellation) =>
          new Promise<never>((_resolve, reject) => {
            signal = cancellation;
            cancellation.addEventListener('abort', () => reject(cancellation.reason as Error));
          }),
        50,
      ),
    );
    await jest.advanceTimersByTimeAsync(0);
    expect(signal?.aborted).toBe(false);

    env.cancel();

    await expect(running).rejects.toBeInstanceOf(CancelledFailure);
    expect(signal?.aborted).toBe(true);
  });

  it('stops the timer when the work fails', async () => {
    const env = new MockActivityEnvironment();
    let beats = 0;
    env.on('heartbeat', () => beats++);
    await expect(env.run(() => heartbeating(() => Promise.reject(new Error('COPY failed')), 20))).rejects.toThrow(
      'COPY failed',
    );
    const count = beats;
    await jest.advanceTimersByTimeAsync(200);
    expect(beats).toBe(count);
  });
});
