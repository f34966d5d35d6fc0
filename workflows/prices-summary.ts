import type { IngestPricesRequest } from '../contracts';

/** One line for the runs list and the Temporal UI, e.g. "Prices from csv: all_stocks_5yr.csv". */
export function pricesRunSummary(request: IngestPricesRequest): string {
  const symbols = request.symbols ?? (request.symbol ? [request.symbol] : []);
  const what = request.path
    ? baseName(request.path)
    : symbols.slice(0, 5).join(', ') + (symbols.length > 5 ? ` +${symbols.length - 5} more` : '');
  const range = request.from || request.to ? ` (${request.from ?? '…'} → ${request.to ?? '…'})` : '';
  return `Prices from ${request.source}: ${what}${range}`;
}

/** node:path is not available in the workflow sandbox. */
function baseName(filePath: string): string {
  const trimmed = filePath.replace(/[\\/]+$/, '');
  return trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1) || filePath;
}
