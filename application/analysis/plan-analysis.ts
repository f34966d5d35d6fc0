/** The plan of an analysis run: which symbols, in which batches, against which benchmark. */
import {
  DEFAULT_BENCHMARK,
  NO_BENCHMARK,
  type AnalyzeRequest,
  type PlannedAnalysisBatch,
} from '../../contracts/analysis';

export interface PlanAnalysisDeps {
  symbolsWithDailyBars(): Promise<string[]>;
  hasBars(symbol: string): Promise<boolean>;
}

/** A named benchmark with no bars cannot be honoured: the request is wrong, not the moment. */
export class UnknownBenchmarkError extends Error {
  constructor(symbol: string) {
    super(`benchmark ${symbol} has no price bars; load it first or pass "benchmark": "none"`);
    this.name = 'UnknownBenchmarkError';
  }
}

export async function resolveBenchmark(deps: PlanAnalysisDeps, requested?: string): Promise<string | null> {
  if (requested === NO_BENCHMARK) return null;
  if (requested === undefined) return (await deps.hasBars(DEFAULT_BENCHMARK)) ? DEFAULT_BENCHMARK : null;
  if (!(await deps.hasBars(requested))) throw new UnknownBenchmarkError(requested);
  return requested;
}

export async function planAnalysis(deps: PlanAnalysisDeps, request: AnalyzeRequest): Promise<PlannedAnalysisBatch[]> {
  const benchmark = await resolveBenchmark(deps, request.benchmark);
  const symbols = request.symbols ?? (await deps.symbolsWithDailyBars());
  const batches: PlannedAnalysisBatch[] = [];
  for (let i = 0; i < symbols.length; i += request.batchSize) {
    batches.push({
      batchKey: `b${String(batches.length + 1).padStart(4, '0')}`,
      symbols: symbols.slice(i, i + request.batchSize),
      benchmark,
    });
  }
  return batches;
}
