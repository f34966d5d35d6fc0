import type { IngestFundamentalsRequest } from '../contracts';

const basename = (path: string): string => path.split(/[\\/]/).filter(Boolean).pop() ?? path;

/** One line for the Temporal UI and the runs list, e.g. "Fundamentals from sec: AAPL, NVDA". */
export function fundamentalsRunSummary(request: IngestFundamentalsRequest): string {
  if (request.source === 'file') {
    const tickers = request.tickers ? ` (tickers ${basename(request.tickers)})` : '';
    return `Fundamentals from file: ${basename(request.path ?? '')}${tickers}`;
  }
  const names = [...(request.symbols ?? []), ...(request.ciks ?? []).map((cik) => `CIK ${cik}`)];
  const more = names.length > 5 ? ` +${names.length - 5} more` : '';
  return `Fundamentals from sec: ${names.slice(0, 5).join(', ')}${more}`;
}
