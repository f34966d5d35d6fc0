import { Context } from '@temporalio/activity';
import { putContentAddressed } from '../../infra/objects/content-addressed';
import type { ObjectStore } from '../../infra/s3';
import type { SourceContext } from '../../sources';

/** What an adapter may touch, bound to the activity that is running now. */
export function sourceContext(
  s3: ObjectStore,
  fetchImpl: typeof fetch = fetch,
  heartbeat?: (details?: unknown) => void,
): SourceContext {
  const activity = Context.current();
  return {
    archiveRaw: (source, runDate, body, ext) => putContentAddressed(s3, `raw/${source}/prices/${runDate}`, ext, body),
    heartbeat: heartbeat ?? ((details) => activity.heartbeat(details)),
    signal: activity.cancellationSignal,
    fetch: fetchImpl,
  };
}
