import { ApplicationFailure } from '@temporalio/common';
import { log } from '@temporalio/activity';
import type { Pool } from 'pg';
import {
  FAILURE_TYPES,
  type CompanyFactsPart,
  type CompanyLoaded,
  type FactCounts,
  type FactLoadCounts,
  type ObjectRef,
} from '../../contracts';
import { readObject } from '../../infra/objects/read-object';
import { loadStagedFacts } from '../../infra/repositories/fundamentals-load';
import { ChecksumMismatchError } from '../../infra/repositories/price-load';
import type { ObjectStore } from '../../infra/s3';

export interface LoadFundamentalsBatchInput {
  workflowId: string;
  /** The run's first execution id: stable across continue-as-new, so a retried load recognises its own work. */
  runId: string;
  batchKey: string;
  source: string;
  parts: CompanyFactsPart[];
  staged: ObjectRef;
  rejected: ObjectRef | null;
  counts: FactCounts;
  companies: CompanyLoaded[];
}

/** `signal`: the activity's cancellation, which destroys the staged read and the COPY and rolls the load back. */
export async function loadFundamentalsBatch(
  deps: { db: Pool; s3: ObjectStore },
  input: LoadFundamentalsBatchInput,
  signal?: AbortSignal,
): Promise<FactLoadCounts> {
  const staged = await readObject(deps.s3, input.staged.key, signal);
  try {
    const counts = await loadStagedFacts(
      deps.db,
      staged,
      {
        workflowId: input.workflowId,
        runId: input.runId,
        batchKey: input.batchKey,
        source: input.source,
        companies: input.companies,
        rawObjects: input.parts.map(({ key, sha256, bytes, origin }) => ({ key, sha256, bytes, origin })),
        stagedKey: input.staged.key,
        stagedSha256: input.staged.sha256,
        rejectedKey: input.rejected?.key ?? null,
        factsRead: input.counts.factsRead,
        factsStaged: input.counts.factsStaged,
        factsRejected: input.counts.factsRejected,
      },
      signal,
    );
    log.info('loaded fundamentals batch', { batchKey: input.batchKey, ...counts });
    return counts;
  } catch (err) {
    if (err instanceof ChecksumMismatchError)
      throw ApplicationFailure.nonRetryable(err.message, FAILURE_TYPES.checksumMismatch);
    throw err;
  }
}
