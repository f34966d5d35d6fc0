import type { Client } from '@temporalio/client';
import type { Config } from '../../../config';
import { RUN_KINDS, SEARCH_ATTRIBUTES } from '../../../contracts';
import { temporalUiUrl } from './run-links';
import { toRunStatus } from './run-status';
import type { RunSummaryBody } from './schemas';

export const PRICE_RUNS_QUERY = `${SEARCH_ATTRIBUTES.runKind.name} = '${RUN_KINDS.prices}'`;

/** The most recent price runs from Temporal's visibility store (eventually consistent: a run just started may lag). */
export async function listPriceRuns(
  client: Client,
  temporal: Config['temporal'],
  limit: number,
): Promise<RunSummaryBody[]> {
  const runs: RunSummaryBody[] = [];
  for await (const info of client.workflow.list({ query: PRICE_RUNS_QUERY, pageSize: limit })) {
    const run: RunSummaryBody = {
      workflowId: info.workflowId,
      runId: info.runId,
      status: toRunStatus(info.status.name),
      startTime: info.startTime.toISOString(),
      temporalUiUrl: temporalUiUrl(temporal, info.workflowId, info.runId),
    };
    if (info.closeTime) run.closeTime = info.closeTime.toISOString();
    const summary = info.memo?.summary;
    if (typeof summary === 'string') run.summary = summary;
    const source = info.typedSearchAttributes.get(SEARCH_ATTRIBUTES.source);
    if (source !== undefined) run.source = source;
    const symbolCount = info.typedSearchAttributes.get(SEARCH_ATTRIBUTES.symbolCount);
    if (symbolCount !== undefined) run.symbolCount = symbolCount;
    runs.push(run);
    if (runs.length >= limit) break;
  }
  return runs;
}
