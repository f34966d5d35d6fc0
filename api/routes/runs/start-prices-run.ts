import path from 'node:path';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { RUN_KINDS, SEARCH_ATTRIBUTES, TASK_QUEUES, type IngestPricesRequest } from '../../../contracts';
import type { ingestPrices } from '../../../workflows/ingest-prices';
import { canonicalJson, derivedPricesWorkflowId, idempotentPricesWorkflowId } from './workflow-id';

export const INGEST_PRICES_WORKFLOW = 'ingestPrices';

export interface StartOutcome {
  workflowId: string;
  runId: string;
  /** False when an Idempotency-Key names a run that already finished: nothing new was started. */
  started: boolean;
}

/**
 * Starts `ingestPrices`, or joins the run the same request (or Idempotency-Key) already started.
 * A derived id may run again once closed (a new import of changed files); a key never runs twice.
 */
export async function startPricesRun(
  client: Client,
  request: IngestPricesRequest,
  idempotencyKey?: string,
): Promise<StartOutcome> {
  const workflowId = idempotencyKey ? idempotentPricesWorkflowId(idempotencyKey) : derivedPricesWorkflowId(request);
  const summary = pricesRunSummary(request);
  try {
    const handle = await client.workflow.start<typeof ingestPrices>(INGEST_PRICES_WORKFLOW, {
      workflowId,
      taskQueue: TASK_QUEUES.etl,
      args: [request],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: idempotencyKey ? 'REJECT_DUPLICATE' : 'ALLOW_DUPLICATE',
      typedSearchAttributes: [
        { key: SEARCH_ATTRIBUTES.runKind, value: RUN_KINDS.prices },
        { key: SEARCH_ATTRIBUTES.source, value: request.source },
        { key: SEARCH_ATTRIBUTES.symbolCount, value: symbolCount(request) },
      ],
      staticSummary: summary,
      staticDetails: pricesRunDetails(request, idempotencyKey),
      // The list endpoint reads the summary from the memo: visibility results do not carry user metadata.
      memo: { summary },
    });
    return { workflowId, runId: handle.firstExecutionRunId, started: true };
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    const existing = await client.workflow.getHandle(workflowId).describe();
    return { workflowId, runId: existing.runId, started: false };
  }
}

function symbolCount(request: IngestPricesRequest): number {
  if (request.symbols) return request.symbols.length;
  return request.symbol ? 1 : 0;
}

/** One line for the Temporal UI, e.g. "Prices from csv: all_stocks_5yr.csv". */
export function pricesRunSummary(request: IngestPricesRequest): string {
  const what = request.path
    ? path.basename(request.path)
    : (request.symbols ?? []).slice(0, 5).join(', ') +
      (symbolCount(request) > 5 ? ` +${symbolCount(request) - 5} more` : '');
  const range = request.from || request.to ? ` (${request.from ?? '…'} → ${request.to ?? '…'})` : '';
  return `Prices from ${request.source}: ${what}${range}`;
}

function pricesRunDetails(request: IngestPricesRequest, idempotencyKey?: string): string {
  const origin = idempotencyKey
    ? `Started through the API with Idempotency-Key \`${idempotencyKey}\`.`
    : 'Started through the API.';
  return `${origin}\n\n**Request**\n\n\`\`\`json\n${canonicalJson(request)}\n\`\`\`\n`;
}
