import { ApplicationFailure } from '@temporalio/common';
import { log } from '@temporalio/activity';
import type { Pool } from 'pg';
import {
  FAILURE_TYPES,
  type CompanyFactsPart,
  type CompanyLoaded,
  type FactCounts,
  type FactLoadCounts,
} from '../../contracts';
import { readObject } from '../../infra/objects/read-object';
import { loadStagedFacts } from '../../infra/repositories/fundamentals-load';
import { ChecksumMismatchError } from '../../infra/repositories/price-load';
import type { ObjectStore } from '../../infra/s3';
import { ledgerFieldsOf, type StagedBatchInput } from './staged-batch';

export interface LoadFundamentalsBatchInput extends StagedBatchInput {
  parts: CompanyFactsPart[];
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
        ...ledgerFieldsOf(input),
        companies: input.companies,
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
