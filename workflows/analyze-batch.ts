import { proxyActivities, setCurrentDetails } from '@temporalio/workflow';
import { NON_RETRYABLE_FAILURES, TASK_QUEUES, type AnalyzeBatchInput, type AnalyzeBatchResult } from '../contracts';
import type { createAnalysisActivities } from '../activities/analysis';

const analysis = proxyActivities<ReturnType<typeof createAnalysisActivities>>({
  taskQueue: TASK_QUEUES.analysis,
  startToCloseTimeout: '30 minutes',
  // The activity heartbeats every 5 s with its resume point.
  heartbeatTimeout: '30 seconds',
  retry: {
    initialInterval: '1s',
    backoffCoefficient: 2,
    maximumInterval: '30s',
    maximumAttempts: 8,
    nonRetryableErrorTypes: NON_RETRYABLE_FAILURES,
  },
});

/** One batch of an analysis run: the symbols are analysed against the benchmark and stored; keys come back. */
export async function analyzeBatch(input: AnalyzeBatchInput): Promise<AnalyzeBatchResult> {
  const label = describe(input);
  setCurrentDetails(`Analysing ${label}`);
  const result = await analysis.analyzeSymbols.executeWithOptions({ summary: `Analyse ${label}` }, [input]);
  const failed = result.failures.map((f) => `${f.symbol}: ${f.reason}`);
  setCurrentDetails(
    `Analysed ${result.analysed.length} of ${input.symbols.length} symbols of ${label} (${result.barsRead} bars)` +
      (failed.length ? `; not analysed: ${failed.join('; ')}` : ''),
  );
  return result;
}

function describe({ batchKey, symbols, benchmark }: AnalyzeBatchInput): string {
  const names = symbols.length <= 3 ? symbols.join(', ') : `${symbols[0]}…${symbols[symbols.length - 1]}`;
  return `batch ${batchKey} (${symbols.length} symbol${symbols.length === 1 ? '' : 's'}: ${names}; benchmark ${benchmark ?? 'none'})`;
}
