import {
  ApplicationFailure,
  WorkflowFailedError,
  WorkflowNotFoundError,
  type WorkflowExecutionStatusName,
} from '@temporalio/client';
import { RUN_OUTCOMES, truncateMessage, type RunOutcome, type RunStatus } from '../../contracts';

export function toRunStatus(name: WorkflowExecutionStatusName): RunStatus {
  switch (name) {
    case 'CANCELLED':
      return 'CANCELED';
    case 'UNSPECIFIED':
      return 'UNKNOWN';
    default:
      return name;
  }
}

/**
 * The honest outcome of a run from its status and result: a completed run says its own (older runs without one
 * are judged by their batch counts); a failed, timed-out or terminated run failed; a running or cancelled one has
 * none.
 */
export function outcomeOfRun(status: RunStatus, result?: unknown): RunOutcome | null {
  if (status === 'FAILED' || status === 'TIMED_OUT' || status === 'TERMINATED') return 'failed';
  if (status !== 'COMPLETED' || result === null || typeof result !== 'object') return null;
  const { outcome, batches, batchesFailed } = result as Record<string, unknown>;
  if (typeof outcome === 'string' && (RUN_OUTCOMES as readonly string[]).includes(outcome))
    return outcome as RunOutcome;
  if (typeof batches === 'number' && typeof batchesFailed === 'number') {
    if (batchesFailed === 0) return 'succeeded';
    return batchesFailed >= batches ? 'failed' : 'partial';
  }
  return 'succeeded';
}

/** The cause's type and message only (truncated): stacks and nested details stay in Temporal. */
export async function failureOfResult(result: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await result;
    return { type: 'Unknown', message: 'the run closed without a recorded failure' };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw err;
    const cause = rootCause(err instanceof WorkflowFailedError && err.cause ? err.cause : err);
    if (cause instanceof ApplicationFailure)
      return { type: cause.type ?? 'ApplicationFailure', message: truncateMessage(cause.message) };
    if (cause instanceof Error) return { type: cause.name, message: truncateMessage(cause.message) };
    return { type: 'Error', message: truncateMessage(String(cause)) };
  }
}

/** An activity's or child's failure arrives wrapped (ActivityFailure → ApplicationFailure); the root says why. */
function rootCause(err: unknown): unknown {
  let cause = err;
  for (let depth = 0; depth < 10 && cause instanceof Error && cause.cause instanceof Error; depth++)
    cause = cause.cause;
  return cause;
}
