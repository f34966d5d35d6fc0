import type { DailyPipelineRequest } from './daily-pipeline-types';
import { pricesRunSummary } from './prices-summary';

/** `IbySource` of a pipeline: its price sources, e.g. `csv` or `csv+stooq`. */
export function pipelineSource(request: DailyPipelineRequest): string {
  return [...new Set(request.prices.map((p) => p.source))].sort().join('+');
}

/** One line for the runs list and the Temporal UI. */
export function pipelineRunSummary(request: DailyPipelineRequest): string {
  const prices = request.prices.map(pricesRunSummary).join('; ');
  const fundamentals = request.fundamentals ? ` → fundamentals from ${request.fundamentals.source}` : '';
  return `Pipeline: ${prices}${fundamentals} → analysis of ${request.analysis.symbols ?? 'changed'} symbols`;
}
