import type { IngestMacroRequest } from '../contracts';

/** One line for the Temporal UI and the runs list, e.g. "Macro from fred: DGS10, CPIAUCSL (vintages 2020-01-01…)". */
export function macroRunSummary(request: IngestMacroRequest): string {
  const more = request.series.length > 5 ? ` +${request.series.length - 5} more` : '';
  const period =
    request.realtimeStart || request.realtimeEnd
      ? ` (vintages ${request.realtimeStart ?? 'today'}…${request.realtimeEnd ?? 'today'})`
      : '';
  return `Macro from fred: ${request.series.slice(0, 5).join(', ')}${more}${period}`;
}
