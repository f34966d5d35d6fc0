import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import type { SourceContext } from '../types';
import { fetchStooqCsv } from './fetch-symbol';
import { buildStooqUrl, type StooqQuery } from './url';

/**
 * One symbol's bars in a date range, or null when the symbol exists but has no bars there. With a range, Stooq
 * answers `No data` both for an unknown symbol and for a range without trading days (a weekend's daily run); one
 * request without the range tells the two apart, so only a symbol Stooq does not know fails as UnknownSymbol.
 */
export async function fetchStooqRange(
  baseUrl: string,
  query: StooqQuery,
  ctx: SourceContext,
  options: { timeoutMs: number; pace: () => Promise<void> },
): Promise<{ url: URL; body: Buffer | null }> {
  const url = buildStooqUrl(baseUrl, query);
  await options.pace();
  try {
    return { url, body: await fetchStooqCsv(url, query.symbol, ctx, options.timeoutMs) };
  } catch (err) {
    const ranged = query.from !== undefined || query.to !== undefined;
    if (!ranged || !(err instanceof ApplicationFailure) || err.type !== FAILURE_TYPES.unknownSymbol) throw err;
    await options.pace();
    await fetchStooqCsv(buildStooqUrl(baseUrl, { symbol: query.symbol }), query.symbol, ctx, options.timeoutMs);
    return { url, body: null };
  }
}
