import { proxyActivities, setCurrentDetails } from '@temporalio/workflow';
import { ACTIVITY_OPTIONS, type AnalyzeBatchInput, type AnalyzeBatchResult } from '../contracts';
import type { createAnalysisActivities } from '../activities/analysis';

const analysis = proxyActivities<ReturnType<typeof createAnalysisActivities>>(ACTIVITY_OPTIONS.analysis);

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
