import { Context, log } from '@temporalio/activity';
import type { AnalyzeSymbolsInput, AnalyzeSymbolsResult } from '../../contracts/analysis';
import { analyzeSymbols, type AnalyzeSymbolsDeps, type Resume } from '../../application/analysis/analyze-symbols';

/** Heartbeats at least this often while a batch runs, so a dead worker is noticed in seconds. */
const HEARTBEAT_MS = 5_000;

/** Runs the batch use case with heartbeats that carry the resume point (the next symbol and the keys so far). */
export async function analyzeSymbolsActivity(
  deps: Omit<AnalyzeSymbolsDeps, 'progress'>,
  input: AnalyzeSymbolsInput,
): Promise<AnalyzeSymbolsResult> {
  const ctx = Context.current();
  const resume = ctx.info.heartbeatDetails as Resume | undefined;
  let latest: Resume | undefined = resume;
  const timer = setInterval(() => ctx.heartbeat(latest), HEARTBEAT_MS);
  try {
    const result = await analyzeSymbols(
      {
        ...deps,
        progress: (next, partial) => {
          latest = { next, partial };
          ctx.heartbeat(latest);
        },
      },
      input,
      resume,
    );
    log.info('analysed batch', {
      batchKey: input.batchKey,
      analysed: result.analysed.length,
      failed: result.failures.length,
      barsRead: result.barsRead,
      resumedAt: resume?.next ?? 0,
    });
    return result;
  } finally {
    clearInterval(timer);
  }
}
