/** The API's response shapes the dashboard reads (see /docs/json); only the fields it uses. */
export interface RunSummary {
  workflowId: string;
  runId: string;
  kind?: string;
  status: string;
  outcome?: 'succeeded' | 'partial' | 'failed';
  startTime: string;
  closeTime?: string;
  summary?: string;
  source?: string;
  symbolCount?: number;
  temporalUiUrl: string;
}

export interface RunProgress {
  kind?: string;
  phase?: string;
  batchesTotal?: number;
  batchesDone?: number;
  batchesFailed?: number;
  batchesRunning?: number;
  rowsLoaded?: number;
  rowsRejected?: number;
  failuresBySymbol?: Record<string, string>;
  outcome?: string;
  [field: string]: unknown;
}

export interface RunStatus {
  workflowId: string;
  runId: string;
  workflowType: string;
  kind?: string;
  status: string;
  outcome: string | null;
  startTime: string;
  closeTime?: string;
  progress: RunProgress | null;
  result?: Record<string, unknown>;
  error?: { type: string; message: string };
  temporalUiUrl: string;
}

export interface RunBatch {
  batchKey: string;
  source: string;
  symbols: string[];
  rawObjects: unknown;
  stagedKey: string;
  rejectedKey: string | null;
  /** Presigned download links, valid for minutes. */
  stagedUrl?: string;
  rejectedUrl?: string | null;
  rawUrls?: string[];
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  loadedAt: string;
}

export interface Security {
  symbol: string;
  name: string | null;
  exchange: string | null;
  currency: string;
  firstDate: string | null;
  lastDate: string | null;
  bars: number;
  lastClose: number | null;
  /** Fractions (0.1 is 10 %) from the latest analysis, null where there is none; the 1-year return from the bars. */
  return1y: number | null;
  analysisAsOf: string | null;
  volatility: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  trend: string | null;
  /** Quality flag or suspicion → count; empty when clean. */
  flags: Record<string, number>;
}

export interface PriceBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adjClose: number | null;
  volume: number | null;
  flags: string[];
}

export interface Schedule {
  id: string;
  paused: boolean;
  note: string | null;
  spec: { calendar?: { hour: number; minute: number; dayOfWeek?: string }; cron?: string; timezone: string };
  action: { kind: string | null; request: unknown; workflowType: string };
  overlap: string;
  nextActionTimes: string[];
  recentActions: { scheduledAt: string; startedAt: string; workflowId: string; status: string }[];
  actionsTaken: number;
}

export interface StartedRun {
  workflowId: string;
  runId: string;
  statusUrl: string;
  temporalUiUrl: string;
}

/** The analysis document (issue 7 §4): the fields the symbol page shows when the route exists. */
export interface AnalysisDocument {
  symbol: string;
  asOf?: string;
  bars?: number;
  from?: string;
  to?: string;
  benchmark?: string | null;
  risk?: Record<string, number | string | null>;
  benchmarkRisk?: Record<string, number | string | null>;
  trend?: { label?: string } | string | null;
  reportUrl?: string;
  inputs?: { flags?: Record<string, number>; [field: string]: unknown };
}
