import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces request starts at least `1000 / requestsPerSecond` ms apart. The task queue's rate limit counts activity
 * starts, not HTTP requests, so one batch of many symbols would otherwise burst at the provider.
 */
export function createPacer(requestsPerSecond: number | undefined, signal: AbortSignal): () => Promise<void> {
  if (requestsPerSecond === undefined) return () => Promise.resolve();
  const intervalMs = 1000 / requestsPerSecond;
  let lastStart: number | undefined;
  const remaining = () => (lastStart === undefined ? 0 : lastStart + intervalMs - Date.now());
  return async () => {
    // A timer can fire early by the length of a busy event-loop turn (libuv measures from the turn's cached start),
    // so the clock is asked again after each sleep until the interval has really passed.
    for (let waitMs = remaining(); waitMs > 0; waitMs = remaining()) await sleep(waitMs, undefined, { signal });
    lastStart = Date.now();
  };
}
