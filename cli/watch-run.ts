import { EXIT } from './exit-codes';
import type { OperatorIo } from './operator-command';
import { renderProgress, type RunProgress } from './progress-bar';

export interface RunStatus {
  workflowId: string;
  runId: string;
  workflowType: string;
  status: string;
  progress: RunProgress | null;
  result?: Record<string, unknown>;
  error?: { type: string; message: string };
  temporalUiUrl: string;
}

const isTty = (stream: NodeJS.WritableStream) => (stream as { isTTY?: boolean }).isTTY === true;

/**
 * Follows a run until it closes: a progress bar on stderr (redrawn on a terminal, a line per change otherwise),
 * then the result on stdout. Exit 0 when it completed, 1 when it failed, was cancelled or terminated.
 */
export async function watchRun(io: OperatorIo, workflowId: string): Promise<number> {
  const path = `/v1/runs/${encodeURIComponent(workflowId)}`;
  let last = '';
  let status = await io.api.request<RunStatus>('GET', path);
  for (;;) {
    const line = renderProgress(status.progress, status.status);
    if (line !== last) {
      io.err.write(isTty(io.err) ? `\r\x1b[2K${line}` : `${line}\n`);
      last = line;
    }
    if (status.status !== 'RUNNING') break;
    await new Promise((resolve) => setTimeout(resolve, io.pollMs));
    status = await io.api.request<RunStatus>('GET', path);
  }
  if (isTty(io.err)) io.err.write('\n');
  io.out.write(io.json ? `${JSON.stringify(status, null, 2)}\n` : describeOutcome(status));
  return status.status === 'COMPLETED' ? EXIT.ok : EXIT.failed;
}

function describeOutcome(status: RunStatus): string {
  const lines = [`${status.workflowId}: ${status.status}`];
  if (status.error) lines.push(`  error: ${status.error.type}: ${status.error.message}`);
  for (const [key, value] of Object.entries(status.result ?? {})) {
    if (typeof value === 'number' || typeof value === 'string') lines.push(`  ${key}: ${value}`);
    else if (Array.isArray(value) && value.length) lines.push(`  ${key}: ${JSON.stringify(value)}`);
    else if (value && typeof value === 'object' && Object.keys(value).length)
      lines.push(`  ${key}: ${JSON.stringify(value)}`);
  }
  lines.push(`  temporal: ${status.temporalUiUrl}`);
  return `${lines.join('\n')}\n`;
}
