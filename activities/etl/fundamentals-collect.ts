import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type CompanyFactsPart, type ObjectRef } from '../../contracts';
import { putContentAddressed } from '../../infra/objects/content-addressed';
import type { ObjectStore } from '../../infra/s3';
import type { SecContext, SecSource } from '../../sources/sec';
import { heartbeating } from '../heartbeat';

export interface CollectCompanyFactsInput {
  cik: number;
  runDate: string;
}

/** The SEC adapter's view of the running activity: archive under `raw/sec/{dataset}/…`, cancel, fetch. */
function secContext(s3: ObjectStore, fetchImpl: typeof fetch): SecContext {
  return {
    archive: (dataset, runDate, body) => putContentAddressed(s3, `raw/sec/${dataset}/${runDate}`, 'json', body),
    signal: Context.current().cancellationSignal,
    fetch: fetchImpl,
  };
}

function configured(sec: SecSource | undefined): SecSource {
  if (!sec)
    throw ApplicationFailure.nonRetryable(
      'the sec source is not configured on this worker',
      FAILURE_TYPES.invalidInput,
    );
  return sec;
}

/** Collection from SEC, one HTTP request per activity so the `etl-sec` queue's rate limit is the real limit. */
export function createSecCollectActivities(
  s3: ObjectStore,
  sec: SecSource | undefined,
  fetchImpl: typeof fetch = fetch,
) {
  return {
    // A 10 MB body on a slow link takes a while: the timer heartbeats while the one request runs.
    collectCompanyFacts: (input: CollectCompanyFactsInput): Promise<CompanyFactsPart> =>
      heartbeating(() => configured(sec).collectCompanyFacts(input, secContext(s3, fetchImpl))),
    collectSecTickers: (input: { runDate: string }): Promise<ObjectRef & { origin: string }> =>
      heartbeating(() => configured(sec).collectTickers(input, secContext(s3, fetchImpl))),
  };
}
