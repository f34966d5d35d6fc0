import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type MacroRawPart } from '../../contracts';
import { putContentAddressed } from '../../infra/objects/content-addressed';
import type { ObjectStore } from '../../infra/s3';
import { fredArchivePrefix, type FredContext, type FredQuery, type FredSource } from '../../sources/fred';
import { heartbeating } from '../heartbeat';

export type FetchFredSeriesInput = FredQuery & { runDate: string };

function fredContext(s3: ObjectStore, fetchImpl: typeof fetch): FredContext {
  return {
    archive: (runDate, body) => putContentAddressed(s3, fredArchivePrefix(runDate), 'json', body),
    signal: Context.current().cancellationSignal,
    fetch: fetchImpl,
  };
}

/**
 * Collection from FRED, one HTTP request per activity on `etl-fred`, so the queue's rate limit is FRED's. A 429 fails
 * the attempt with FRED's Retry-After as the next delay; Temporal retries it as another rate-limited start.
 */
export function createFredCollectActivities(
  s3: ObjectStore,
  fred: FredSource | undefined,
  fetchImpl: typeof fetch = fetch,
) {
  return {
    fetchFredSeries: (input: FetchFredSeriesInput): Promise<MacroRawPart> =>
      heartbeating(() => {
        if (!fred) {
          throw ApplicationFailure.nonRetryable(
            'the fred source is not configured on this worker',
            FAILURE_TYPES.invalidInput,
          );
        }
        return fred.fetchSeries(input, fredContext(s3, fetchImpl));
      }),
  };
}
