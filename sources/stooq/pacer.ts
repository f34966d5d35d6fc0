import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces request starts at least `1000 / requestsPerSecond` ms apart. The task queue's rate limit counts activity
 * starts, not HTTP requests, so one batch of many symbols would otherwise burst at the provider.
 */
export function createPacer(requestsPerSecond: number | undefined, signal: AbortSignal): () => Promise<void> {
  if (requestsPerSecond === undefined) return () => Promise.resolve();
  const intervalMs = 1000 / requestsPerSecond;
  let lastStart: number | undefined;
  return async () => {
    const waitMs = lastStart === undefined ? 0 : lastStart + intervalMs - Date.now();
    if (waitMs > 0) await sleep(waitMs, undefined, { signal });
    lastStart = Date.now();
  };
}
