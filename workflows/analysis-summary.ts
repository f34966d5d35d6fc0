import type { AnalyzeRequest } from '../contracts';

/** One line for the memo and the Temporal UI; pure, so the API's starter uses it too. */
export function analysisRunSummary(request: AnalyzeRequest): string {
  const symbols = request.symbols ? `${request.symbols.length} symbols` : 'every symbol with daily bars';
  const benchmark = request.benchmark ?? '^GSPC when loaded';
  const asOf = request.asOf ? ` as of ${request.asOf}` : '';
  return `Analysis of ${symbols} against ${benchmark}${asOf}`;
}
