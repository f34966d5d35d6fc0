import {
  ApplicationFailure,
  WorkflowFailedError,
  WorkflowNotFoundError,
  type Client,
  type WorkflowExecutionStatusName,
} from '@temporalio/client';
import type { Config } from '../../../config';
import { withTimeout } from '../../../infra/cache';
import { progressQuery, type ingestPrices } from '../../../workflows/ingest-prices';
import { notFound } from '../../errors';
import { temporalUiUrl } from './run-links';
import type { RunStatus, RunStatusBody } from './schemas';
import { INGEST_PRICES_WORKFLOW } from './start-prices-run';

/** A query needs a worker to answer; with none polling it would hang, so progress is reported as unknown instead. */
export const PROGRESS_QUERY_TIMEOUT_MS = 3000;

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

/** Describe + progress query + result or failure of the latest run of `workflowId`. */
export async function readRunStatus(
  client: Client,
  temporal: Config['temporal'],
  workflowId: string,
): Promise<RunStatusBody> {
  const handle = client.workflow.getHandle<typeof ingestPrices>(workflowId);
  const description = await handle.describe().catch((err: unknown) => {
    throw err instanceof WorkflowNotFoundError ? notFound(`no run with workflowId ${workflowId}`) : err;
  });
  const status = toRunStatus(description.status.name);
  const body: RunStatusBody = {
    workflowId,
    runId: description.runId,
    workflowType: description.type,
    status,
    startTime: description.startTime.toISOString(),
    progress: null,
    temporalUiUrl: temporalUiUrl(temporal, workflowId, description.runId),
  };
  if (description.closeTime) body.closeTime = description.closeTime.toISOString();
  // Other workflow types have neither the progress query nor this result shape.
  if (description.type !== INGEST_PRICES_WORKFLOW) return body;

  // Closed workflows still answer queries (a worker replays the history), so progress is asked for in every state.
  body.progress = await withTimeout(handle.query(progressQuery), PROGRESS_QUERY_TIMEOUT_MS).catch(() => null);
  if (status === 'COMPLETED') body.result = await handle.result();
  if (status === 'FAILED' || status === 'TIMED_OUT' || status === 'TERMINATED')
    body.error = await failureOf(handle.result());
  return body;
}

/** The cause's type and message only: stacks and nested details stay in Temporal. */
async function failureOf(result: Promise<unknown>): Promise<{ type: string; message: string }> {
  try {
    await result;
    return { type: 'Unknown', message: 'the run closed without a recorded failure' };
  } catch (err) {
    const cause = rootCause(err instanceof WorkflowFailedError && err.cause ? err.cause : err);
    if (cause instanceof ApplicationFailure)
      return { type: cause.type ?? 'ApplicationFailure', message: cause.message };
    if (cause instanceof Error) return { type: cause.name, message: cause.message };
    return { type: 'Error', message: String(cause) };
  }
}

/** An activity's or child's failure arrives wrapped (ActivityFailure → ApplicationFailure); the root says why. */
function rootCause(err: unknown): unknown {
  let cause = err;
  for (let depth = 0; depth < 10 && cause instanceof Error && cause.cause instanceof Error; depth++)
    cause = cause.cause;
  return cause;
}
