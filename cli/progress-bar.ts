/** The progress a run reports (the progress query through `GET /v1/runs/{id}`); every field optional across kinds. */
export interface RunProgress {
  phase?: string;
  batchesTotal?: number;
  batchesDone?: number;
  batchesFailed?: number;
  rowsLoaded?: number;
  rowsRejected?: number;
  failuresBySymbol?: Record<string, string>;
}

/** One line: `[#########-----------]  9/20 batches · 12,345 rows · 3 rejected · 1 failed (running)`. */
export function renderProgress(progress: RunProgress | null, status: string, width = 24): string {
  if (!progress) return `[${' '.repeat(width)}] ${status.toLowerCase()}`;
  const total = progress.batchesTotal ?? 0;
  const done = progress.batchesDone ?? 0;
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  const parts = [`${done}/${total} batches`, `${(progress.rowsLoaded ?? 0).toLocaleString('en-US')} rows`];
  if (progress.rowsRejected) parts.push(`${progress.rowsRejected.toLocaleString('en-US')} rejected`);
  if (progress.batchesFailed) parts.push(`${progress.batchesFailed} failed`);
  const phase = progress.phase && progress.phase !== 'running' ? progress.phase : status.toLowerCase();
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${parts.join(' · ')} (${phase})`;
}
