import { Context } from '@temporalio/activity';
import { HEARTBEAT_INTERVAL_MS } from '../contracts';

/**
 * Runs `work` while heartbeating every few seconds, so an activity that waits on one long statement (a COPY, an
 * upload, a big file's split) still tells Temporal it is alive, and a killed worker is noticed within the heartbeat
 * timeout. `work` may heartbeat progress itself; the timer repeats the latest details, never erases them.
 *
 * The heartbeats are also how a cancellation reaches the activity: `work` gets the activity's cancellation signal
 * and hands it to every stream it opens (S3 reads and writes, a COPY), which are destroyed when it aborts.
 */
export async function heartbeating<T>(
  work: (heartbeat: (details?: unknown) => void, signal: AbortSignal) => Promise<T>,
  intervalMs = HEARTBEAT_INTERVAL_MS,
): Promise<T> {
  const context = Context.current();
  let latest: unknown = undefined;
  const heartbeat = (details?: unknown) => {
    if (details !== undefined) latest = details;
    context.heartbeat(latest);
  };
  heartbeat();
  const timer = setInterval(() => context.heartbeat(latest), intervalMs);
  try {
    return await work(heartbeat, context.cancellationSignal);
  } finally {
    clearInterval(timer);
  }
}
