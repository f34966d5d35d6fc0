import { isCancellation, log, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { ACTIVITY_OPTIONS, type IngestPricesResult, type SuspectedActionsSummary } from '../contracts';
import type { createDataActivities } from '../activities/data';
import { failureOf } from './failure-of';

/** A price run's result once the detection step ran; runs from before the step (or where it failed) lack the counts. */
export type PricesRunResult = IngestPricesResult &
  Partial<SuspectedActionsSummary> & { suspectedDetectionFailure?: { type: string; message: string } };

const data = proxyActivities<ReturnType<typeof createDataActivities>>(ACTIVITY_OPTIONS.data);

/**
 * The step after a price run's batches: flag suspected corporate actions and bad bars in the series of every
 * symbol the run loaded. Behind a patch, so runs started before the step existed still replay. A failure here
 * does not undo the loads: the run reports it next to its (already complete) row accounting.
 */
export async function withSuspectedActions(totals: IngestPricesResult): Promise<PricesRunResult> {
  if (!patched('detect-suspected-actions')) return totals;
  const { workflowId, firstExecutionRunId: runId } = workflowInfo();
  try {
    const summary = await data.detectSuspectedActions.executeWithOptions(
      { summary: 'Flag suspected corporate actions and bad bars' },
      [{ workflowId, runId }],
    );
    return { ...totals, ...summary };
  } catch (err) {
    if (isCancellation(err)) throw err;
    const failure = failureOf(err);
    log.warn('suspected-action detection failed', failure);
    return { ...totals, suspectedDetectionFailure: failure };
  }
}
