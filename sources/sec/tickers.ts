import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type CompanyTicker } from '../../contracts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads SEC's `company_tickers.json` (`{"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."}, …}`).
 * Tickers are upper-cased; an entry without a positive integer CIK or a ticker makes the file invalid, since a
 * silently dropped mapping would leave a company without its symbol.
 */
export function parseCompanyTickers(text: string): CompanyTicker[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw invalid(`not JSON (${(error as Error).message})`);
  }
  if (!isObject(document)) throw invalid('expected an object of {cik_str, ticker, title} entries');
  return Object.entries(document).map(([key, entry]) => {
    if (!isObject(entry)) throw invalid(`entry ${key} is not an object`);
    const cik = Number(entry.cik_str);
    if (!Number.isInteger(cik) || cik <= 0) throw invalid(`entry ${key} has no positive integer cik_str`);
    if (typeof entry.ticker !== 'string' || !entry.ticker.trim()) throw invalid(`entry ${key} has no ticker`);
    return {
      cik,
      symbol: entry.ticker.trim().toUpperCase(),
      title: typeof entry.title === 'string' ? entry.title : '',
    };
  });
}

/** Every ticker of each CIK (Alphabet has GOOGL and GOOG), in file order. */
export function tickersByCik(tickers: readonly CompanyTicker[]): Map<number, CompanyTicker[]> {
  const byCik = new Map<number, CompanyTicker[]>();
  for (const ticker of tickers) byCik.set(ticker.cik, [...(byCik.get(ticker.cik) ?? []), ticker]);
  return byCik;
}

/** The CIK of each requested symbol; symbols the file does not list come back in `unknown`. */
export function ciksOfSymbols(
  tickers: readonly CompanyTicker[],
  symbols: readonly string[],
): { ciks: Map<string, number>; unknown: string[] } {
  const bySymbol = new Map(tickers.map((t) => [t.symbol, t.cik]));
  const ciks = new Map<string, number>();
  const unknown: string[] = [];
  for (const symbol of symbols) {
    const cik = bySymbol.get(symbol.toUpperCase());
    if (cik === undefined) unknown.push(symbol);
    else ciks.set(symbol.toUpperCase(), cik);
  }
  return { ciks, unknown };
}

function invalid(problem: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `tickers file is not company_tickers.json: ${problem}`,
    FAILURE_TYPES.invalidInput,
  );
}
