/**
 * Charts and a tearsheet for a stored analysis that has none in storage: one analysed with `artifacts: "on-demand"`,
 * or whose objects were lost. The bars of its window (and the benchmark's) are read again and drawn as the analysis
 * would have drawn them; the numbers in the tearsheet are the stored document's.
 */
import { NO_BENCHMARK } from '../../contracts/analysis';
import { readAnalysisBars, type Queryable } from '../../infra/repositories/analysis-bars';
import { readLatestAnalysis } from '../../infra/repositories/analysis-results';
import type { RenderArtifacts } from '../analysis/analyze-symbols';
import { buildAnalysisDocument } from '../analysis/build-document';

export interface RenderOnDemandDeps {
  db: Queryable;
  render: RenderArtifacts;
}

/** False when the symbol has no analysis on or before `asOf`. */
export async function renderStoredAnalysis(deps: RenderOnDemandDeps, symbol: string, asOf: string): Promise<boolean> {
  const stored = await readLatestAnalysis(deps.db, symbol, asOf);
  if (!stored) return false;
  const series = { symbol, ...(await readAnalysisBars(deps.db, symbol, stored.windowTo)) };
  const benchmark =
    stored.benchmark === NO_BENCHMARK
      ? null
      : { symbol: stored.benchmark, ...(await readAnalysisBars(deps.db, stored.benchmark, stored.windowTo)) };
  const built = await buildAnalysisDocument({
    series,
    benchmark,
    from: stored.windowFrom,
    to: stored.windowTo,
    asOf: stored.asOf,
  });
  const { fundamentals, fundamentalsReason, inputs } = stored.document;
  await deps.render({
    document: { ...built.document, fundamentals, fundamentalsReason, inputs },
    analysis: built.analysis,
    bars: built.bars,
    benchmark: built.benchmarkBars,
    analysisRunId: stored.analysisRunId,
  });
  return true;
}

/**
 * One render at a time per analysis: a page that asks for the five charts and the tearsheet at once starts one
 * render, and the other requests wait for it.
 */
export function singleFlight<A extends unknown[], R>(
  keyOf: (...args: A) => string,
  work: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  const inFlight = new Map<string, Promise<R>>();
  return (...args: A) => {
    const key = keyOf(...args);
    let running = inFlight.get(key);
    if (!running) {
      running = work(...args).finally(() => inFlight.delete(key));
      inFlight.set(key, running);
    }
    return running;
  };
}
