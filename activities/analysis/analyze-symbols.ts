import { Context, log } from '@temporalio/activity';
import type { AnalyzeSymbolsInput, AnalyzeSymbolsResult } from '../../contracts/analysis';
import { analyzeSymbols, type AnalyzeSymbolsDeps, type Resume } from '../../application/analysis/analyze-symbols';
import { heartbeating } from '../heartbeat';

/**
 * Runs the batch use case heartbeating every few seconds; each heartbeat carries the resume point (the next
 * symbol and the keys so far), so a retry after a lost worker starts where the last one stopped.
 */
export async function analyzeSymbolsActivity(
  deps: Omit<AnalyzeSymbolsDeps, 'progress'>,
  input: AnalyzeSymbolsInput,
): Promise<AnalyzeSymbolsResult> {
  const resume = Context.current().info.heartbeatDetails as Resume | undefined;
  const result = await heartbeating((heartbeat) => {
    if (resume) heartbeat(resume);
    return analyzeSymbols({ ...deps, progress: (next, partial) => heartbeat({ next, partial }) }, input, resume);
  });
  log.info('analysed batch', {
    batchKey: input.batchKey,
    analysed: result.analysed.length,
    failed: result.failures.length,
    barsRead: result.barsRead,
    resumedAt: resume?.next ?? 0,
  });
  return result;
}
