import type { ObjectRef, RawPart } from '../../contracts';

/** What every staged load (prices, fundamentals) is given about its batch. */
export interface StagedBatchInput {
  workflowId: string;
  /** The run's first execution id: stable across continue-as-new, so a retried load recognises its own work. */
  runId: string;
  batchKey: string;
  source: string;
  parts: RawPart[];
  staged: ObjectRef;
  rejected: ObjectRef | null;
}

/**
 * The ledger fields every load records alike: the batch's run, the raw objects its rows came from (a part that
 * failed before anything was archived has none) and the staged and rejected objects.
 */
export function ledgerFieldsOf(input: StagedBatchInput) {
  return {
    workflowId: input.workflowId,
    runId: input.runId,
    batchKey: input.batchKey,
    source: input.source,
    rawObjects: input.parts
      .filter((part) => !part.failure)
      .map(({ key, sha256, bytes, origin }) => ({ key, sha256, bytes, origin })),
    stagedKey: input.staged.key,
    stagedSha256: input.staged.sha256,
    rejectedKey: input.rejected?.key ?? null,
  };
}
