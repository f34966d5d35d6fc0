import path from 'node:path';
import type { Pool } from 'pg';
import { DEMO_DATA_DIR } from '../../config';

/** The bundled CSVs loaded on a first start, so the API has something to show. */
export function demoRequests(): Record<string, string>[] {
  return [
    { source: 'csv', path: path.join(DEMO_DATA_DIR, 'sp500-2000.csv'), symbol: '^GSPC' },
    { source: 'csv', path: path.join(DEMO_DATA_DIR, 'stocks.csv') },
  ];
}

export async function existingData(pool: Pool): Promise<{ bars: number; symbols: number }> {
  const { rows } = await pool.query<{ bars: number; symbols: number }>(
    'SELECT count(*)::int AS bars, count(DISTINCT symbol)::int AS symbols FROM price_bars',
  );
  return rows[0];
}

export interface RunResult {
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  rejectedByReason: Record<string, number>;
  rowsFlagged: number;
  rowsFiltered: number;
}

export interface RunStatus {
  workflowId: string;
  status: string;
  progress?: unknown;
  result?: RunResult;
  error?: unknown;
}

export interface ApiTarget {
  baseUrl: string;
  apiKey: string;
}

/** Starts a prices run through the public API, as a user would. */
export async function startPricesRun(api: ApiTarget, body: Record<string, string>): Promise<string> {
  const started = await callApi<{ workflowId?: string }>(api, 'POST', '/v1/runs/prices', body);
  if (!started.workflowId)
    throw new Error(`POST /v1/runs/prices answered without a workflowId: ${JSON.stringify(started)}`);
  return started.workflowId;
}

/** Polls until the run leaves RUNNING. */
export async function waitForRun(api: ApiTarget, workflowId: string, timeoutMs = 10 * 60_000): Promise<RunStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await callApi<RunStatus>(api, 'GET', `/v1/runs/${encodeURIComponent(workflowId)}`);
    if (run.status !== 'RUNNING') return run;
    if (Date.now() > deadline) throw new Error(`run ${workflowId} still RUNNING after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** One line: what was loaded and where to look. */
export function summarizeRun(body: Record<string, string>, run: RunStatus, links: { api: string; ui: string }): string {
  const what = `${path.basename(body.path)}${body.symbol ? ` (${body.symbol})` : ''}`;
  const counts = run.result
    ? `read ${run.result.rowsRead}, loaded ${run.result.rowsLoaded}, rejected ${run.result.rowsRejected}`
    : `error: ${typeof run.error === 'string' ? run.error : JSON.stringify(run.error ?? 'none reported')}`;
  return `demo ${what}: ${run.status}, ${counts}\n    ${links.api}\n    ${links.ui}`;
}

async function callApi<T>(api: ApiTarget, method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${api.baseUrl}${route}`, {
    method,
    headers: { 'x-api-key': api.apiKey, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}
