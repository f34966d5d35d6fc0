import type { RawPart } from '../../contracts';
import type { HttpPriceProvider, SourceContext } from '../types';
import type { StooqQuery } from './url';

export interface StooqSourceOptions {
  /** `config.stooq.url`: scheme, host and port; the adapter appends the download path. */
  baseUrl: string;
  /** Per-request limit, so one hung connection fails fast and is retried instead of eating the activity timeout. */
  requestTimeoutMs?: number;
}

/** One symbol's bars over the run's range, archived under the run's date. */
export interface StooqSymbolInput extends StooqQuery {
  runDate: string;
}

/**
 * Stooq as a price source. Every method but `collect` makes exactly one HTTP request, so each runs as its own
 * activity on the `etl-stooq` queue and the queue's rate limit counts every request.
 */
export interface StooqSource extends HttpPriceProvider {
  /** One GET: the symbol's CSV, archived byte for byte; UnknownSymbol when Stooq answers 404 or "No data". */
  fetchSymbol(input: StooqSymbolInput, ctx: SourceContext): Promise<RawPart>;
  /**
   * One GET without a range: resolves when Stooq knows the symbol, else UnknownSymbol. With a range, Stooq answers
   * "No data" both for an unknown symbol and for a range without trading days; this tells the two apart.
   */
  probeSymbol(input: { symbol: string }, ctx: SourceContext): Promise<void>;
}
