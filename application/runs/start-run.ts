import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { SEARCH_ATTRIBUTES, type RunKind } from '../../contracts';
import { REQUEST_ID_MEMO_KEY } from '../../infra/telemetry/request-id-keys';
import { canonicalJson, derivedWorkflowId, idempotentWorkflowId } from './workflow-id';

/** How to start one kind of run; the workflow describes itself too, this only makes it visible from the start. */
export interface RunStartSpec<Req> {
  kind: RunKind;
  /** The workflow itself: started by reference, so its arguments are type-checked (the type is its name). */
  workflow: (request: Req) => Promise<unknown>;
  taskQueue: string;
  source(request: Req): string;
  symbolCount(request: Req): number;
  summary(request: Req): string;
}

export interface StartOutcome {
  workflowId: string;
  runId: string;
  /** False when an Idempotency-Key names a run that already finished: nothing new was started. */
  started: boolean;
}

export interface StartRunOptions {
  idempotencyKey?: string;
  /** Who asked, for the run's details in the Temporal UI: "the API", "the CLI" … */
  origin?: string;
  /** The API request that asked: kept in the memo, so the workers' log lines of this run carry it. */
  requestId?: string;
}

/**
 * Starts a run of `request` (already normalised), or joins the run the same request (or Idempotency-Key) already
 * started. A derived id may run again once closed (a new import of changed files); a key never runs twice.
 */
export async function startRun<Req>(
  client: Client,
  spec: RunStartSpec<Req>,
  request: Req,
  options: StartRunOptions = {},
): Promise<StartOutcome> {
  const { idempotencyKey, requestId } = options;
  const workflowId = idempotencyKey
    ? idempotentWorkflowId(spec.kind, idempotencyKey)
    : derivedWorkflowId(spec.kind, request);
  const summary = spec.summary(request);
  try {
    const handle = await client.workflow.start(spec.workflow, {
      workflowId,
      taskQueue: spec.taskQueue,
      args: [request],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: idempotencyKey ? 'REJECT_DUPLICATE' : 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.runKind, value: spec.kind },
        { key: SEARCH_ATTRIBUTES.source, value: spec.source(request) },
        { key: SEARCH_ATTRIBUTES.symbolCount, value: spec.symbolCount(request) },
      ],
      staticSummary: summary,
      staticDetails: runDetails(request, options),
      // The list endpoint reads the summary from the memo: visibility results do not carry user metadata.
      memo: { kind: spec.kind, summary, ...(requestId ? { [REQUEST_ID_MEMO_KEY]: requestId } : {}) },
    });
    return { workflowId, runId: handle.firstExecutionRunId, started: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const existing = await client.workflow.getHandle(workflowId).describe();
    return { workflowId, runId: existing.runId, started: false };
  }
}

function runDetails(request: unknown, { idempotencyKey, origin = 'the API' }: StartRunOptions): string {
  const how = idempotencyKey
    ? `Started through ${origin} with Idempotency-Key \`${idempotencyKey}\`.`
    : `Started through ${origin}.`;
  return `${how}\n\n**Request**\n\n\`\`\`json\n${canonicalJson(request)}\n\`\`\`\n`;
}
