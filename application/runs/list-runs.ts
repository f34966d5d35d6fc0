import type { Client } from '@temporalio/client';
import { SEARCH_ATTRIBUTES, TOP_LEVEL_RUN_KINDS, type RunOutcome, type RunStatus } from '../../contracts';
import { findRunIdsBySymbol } from '../../infra/repositories/runs-read';
import type { LedgerDb } from './reconcile-runs';
import { withDeadline } from './run-errors';
import { toRunStatus } from './run-status';

export interface ListRunsFilter {
  /** A run kind; without it, every top-level kind (prices, fundamentals, analysis, pipeline, macro). */
  kind?: string;
  status?: RunStatus;
  /** Runs that asked for or loaded this symbol (from the ledger). */
  symbol?: string;
  limit: number;
}

export interface RunSummary {
  workflowId: string;
  runId: string;
  kind?: string;
  status: RunStatus;
  outcome?: RunOutcome;
  startTime: string;
  closeTime?: string;
  summary?: string;
  source?: string;
  symbolCount?: number;
}

/** Temporal's visibility spelling of each status. */
const VISIBILITY_STATUS: Partial<Record<RunStatus, string>> = {
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  CANCELED: 'Canceled',
  TERMINATED: 'Terminated',
  TIMED_OUT: 'TimedOut',
  CONTINUED_AS_NEW: 'ContinuedAsNew',
};

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The visibility query for a filter; `null` when the filter can match nothing. */
export function runsQuery(filter: Omit<ListRunsFilter, 'limit' | 'symbol'>, workflowIds?: string[]): string | null {
  const kind = SEARCH_ATTRIBUTES.runKind.name;
  const clauses = [
    filter.kind ? `${kind} = ${quote(filter.kind)}` : `${kind} IN (${TOP_LEVEL_RUN_KINDS.map(quote).join(', ')})`,
  ];
  if (filter.status) {
    const status = VISIBILITY_STATUS[filter.status];
    if (!status) return null;
    clauses.push(`ExecutionStatus = ${quote(status)}`);
  }
  if (workflowIds) {
    if (!workflowIds.length) return null;
    clauses.push(`WorkflowId IN (${workflowIds.map(quote).join(', ')})`);
  }
  return clauses.join(' AND ');
}

/** The most recent runs from Temporal's visibility store (eventually consistent: a run just started may lag). */
export async function listRuns(
  deps: { client: Client; db?: LedgerDb; timeoutMs: number },
  filter: ListRunsFilter,
): Promise<RunSummary[]> {
  const ids = filter.symbol && deps.db ? await findRunIdsBySymbol(deps.db, filter.symbol, 100) : undefined;
  const query = runsQuery(filter, filter.symbol ? (ids ?? []) : undefined);
  if (query === null) return [];
  return withDeadline(collect(deps.client, query, filter.limit), deps.timeoutMs);
}

async function collect(client: Client, query: string, limit: number): Promise<RunSummary[]> {
  const runs: RunSummary[] = [];
  for await (const info of client.workflow.list({ query, pageSize: limit })) {
    const run: RunSummary = {
      workflowId: info.workflowId,
      runId: info.runId,
      status: toRunStatus(info.status.name),
      startTime: info.startTime.toISOString(),
    };
    const kind = info.typedSearchAttributes.get(SEARCH_ATTRIBUTES.runKind);
    if (kind !== undefined) run.kind = kind;
    if (info.closeTime) run.closeTime = info.closeTime.toISOString();
    const { summary, outcome } = info.memo ?? {};
    if (typeof summary === 'string') run.summary = summary;
    if (typeof outcome === 'string') run.outcome = outcome as RunOutcome;
    else if (run.status === 'FAILED' || run.status === 'TERMINATED' || run.status === 'TIMED_OUT')
      run.outcome = 'failed';
    const source = info.typedSearchAttributes.get(SEARCH_ATTRIBUTES.source);
    if (source !== undefined) run.source = source;
    const symbolCount = info.typedSearchAttributes.get(SEARCH_ATTRIBUTES.symbolCount);
    if (symbolCount !== undefined) run.symbolCount = symbolCount;
    runs.push(run);
    if (runs.length >= limit) break;
  }
  return runs;
}
