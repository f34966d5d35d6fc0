import path from 'node:path';
import type { Pool } from 'pg';
import { DEMO_DATA_DIR } from '../../config';
import { oneYearReturn, type ReturnBar } from '../../domain/finance/risk/one-year-return';

/**
 * The first start's demo: ONE pipeline run on the bundled data. Its prices part is a list (run in order): the S&P 500
 * file needs `symbol: '^GSPC'` (it has no symbol column) and the five stocks' file names its symbols, so they are two
 * price requests; then every symbol that changed is analysed against ^GSPC.
 */
export function demoPipelineRequest() {
  return {
    prices: [
      { source: 'csv', path: path.join(DEMO_DATA_DIR, 'sp500-2000.csv'), symbol: '^GSPC' },
      { source: 'csv', path: path.join(DEMO_DATA_DIR, 'stocks.csv') },
    ],
    analysis: { benchmark: '^GSPC' },
  };
}

export async function existingData(pool: Pool): Promise<{ bars: number; symbols: number }> {
  const { rows } = await pool.query<{ bars: number; symbols: number }>(
    'SELECT count(*)::int AS bars, count(DISTINCT symbol)::int AS symbols FROM price_bars',
  );
  return rows[0];
}

export interface RunStatus {
  workflowId: string;
  status: string;
  outcome?: string | null;
  progress?: unknown;
  result?: { outcome: string; changedSymbols: string[]; stages: { name: string; status: string }[] };
  error?: unknown;
}

export interface ApiTarget {
  baseUrl: string;
  apiKey: string;
}

/** Starts the pipeline through the public API, as a user would. */
export async function startPipelineRun(api: ApiTarget, body: object): Promise<string> {
  const started = await callApi<{ workflowId?: string }>(api, 'POST', '/v1/runs/pipeline', body);
  if (!started.workflowId)
    throw new Error(`POST /v1/runs/pipeline answered without a workflowId: ${JSON.stringify(started)}`);
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

/** One line per stage: what the pipeline did and where to look. */
export function summarizeRun(run: RunStatus, links: { api: string; ui: string }): string {
  const stages = run.result?.stages.map((stage) => `${stage.name} ${stage.status}`).join(', ');
  const what = stages
    ? `${run.outcome ?? run.result?.outcome}: ${stages}`
    : `error: ${typeof run.error === 'string' ? run.error : JSON.stringify(run.error ?? 'none reported')}`;
  return `demo pipeline: ${run.status}, ${what}\n    ${links.api}\n    ${links.ui}`;
}

/** One row of the demo's table, read from the API: numbers as the analysis document has them. */
export interface DemoRow {
  symbol: string;
  frequency: string;
  lastClose: number | null;
  return1y: number | null;
  totalReturn: number | null;
  volatility: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  trend: string;
  report: string;
}

interface AnalysisBody {
  to: string;
  frequency?: string;
  risk: {
    total_return?: number | null;
    annual_volatility?: number | null;
    sharpe?: number | null;
    max_drawdown?: number | null;
  };
  trend: { label?: string };
}

/**
 * The last close and the 1-year return come from the bars the analysis used (`GET …/prices`, up to its last date);
 * full-period return, volatility, Sharpe, max drawdown and trend from `GET /v1/securities/{symbol}/analysis`.
 */
export async function demoRow(api: ApiTarget, symbol: string): Promise<DemoRow> {
  const s = encodeURIComponent(symbol);
  const doc = await callApi<AnalysisBody>(api, 'GET', `/v1/securities/${s}/analysis`);
  const { bars } = await callApi<{ bars: ReturnBar[] }>(api, 'GET', `/v1/securities/${s}/prices?to=${doc.to}`);
  return {
    symbol,
    frequency: doc.frequency ?? '',
    lastClose: bars.at(-1)?.close ?? null,
    return1y: oneYearReturn(bars),
    totalReturn: doc.risk.total_return ?? null,
    volatility: doc.risk.annual_volatility ?? null,
    sharpe: doc.risk.sharpe ?? null,
    maxDrawdown: doc.risk.max_drawdown ?? null,
    trend: doc.trend.label ?? '',
    report: `${api.baseUrl}/v1/securities/${s}/report`,
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const fixed = (x: number | null) => (x === null ? '—' : x.toFixed(2));

/** The demo's table, one symbol a line. */
export function formatDemoTable(rows: readonly DemoRow[]): string {
  const header = [
    'symbol',
    'freq',
    'last close',
    '1y return',
    'total return',
    'volatility',
    'sharpe',
    'max dd',
    'trend',
  ];
  const lines = rows.map((r) => [
    r.symbol,
    r.frequency,
    fixed(r.lastClose),
    pct(r.return1y),
    pct(r.totalReturn),
    pct(r.volatility),
    fixed(r.sharpe),
    pct(r.maxDrawdown),
    r.trend,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [row(header), ...lines.map(row), '', ...rows.map((r) => `${r.symbol.padEnd(widths[0])}  ${r.report}`)].join(
    '\n',
  );
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
