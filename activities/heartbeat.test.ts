import { MockActivityEnvironment } from '@temporalio/testing';
import { heartbeating } from './heartbeat';

describe('heartbeating', () => {
  it('heartbeats on a timer while the work runs, repeating the latest details, and stops after', async () => {
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (details: unknown) => beats.push(details));
    const result = await env.run(() =>
      heartbeating(async (heartbeat) => {
        await new Promise((r) => setTimeout(r, 130));
        heartbeat({ file: 2 });
        await new Promise((r) => setTimeout(r, 130));
        return 'done';
      }, 50),
    );
    expect(result).toBe('done');
    const afterProgress = beats.slice(beats.findIndex((b) => b !== undefined));
    // One at the start, about one per 50 ms, and the timer repeats the progress once reported.
    expect(beats.length).toBeGreaterThanOrEqual(5);
    expect(beats[0]).toBeUndefined();
    expect(afterProgress.length).toBeGreaterThanOrEqual(3);
    expect(afterProgress.every((b) => JSON.stringify(b) === '{"file":2}')).toBe(true);
    const count = beats.length;
    await new Promise((r) => setTimeout(r, 120));
    expect(beats.length).toBe(count);
  });

  it('stops the timer when the work fails', async () => {
    const env = new MockActivityEnvironment();
    let beats = 0;
    env.on('heartbeat', () => beats++);
    await expect(env.run(() => heartbeating(() => Promise.reject(new Error('COPY failed')), 20))).rejects.toThrow(
      'COPY failed',
    );
    const count = beats;
    await new Promise((r) => setTimeout(r, 80));
    expect(beats).toBe(count);
  });
});
