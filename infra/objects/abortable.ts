/**
 * Settles as `work` does, or rejects with the signal's reason as soon as it aborts: for a step that cannot be
 * interrupted itself (an S3 request without a signal), so the caller stops waiting and the work is left to finish
 * or fail on its own.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
