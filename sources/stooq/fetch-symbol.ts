import type { SourceContext } from '../types';
import { stooqFetchFailure, stooqResponseFailure } from './classify';

/**
 * GETs one symbol's CSV and returns the exact bytes Stooq sent, or throws a classified `ApplicationFailure`.
 * Temporal cancellation is rethrown as is, so the worker reports the activity cancelled rather than failed.
 */
export async function fetchStooqCsv(url: URL, symbol: string, ctx: SourceContext, timeoutMs: number): Promise<Buffer> {
  let response: Response;
  let body: Buffer;
  try {
    // The body is read under the same signal: a server that stalls mid-body is as stuck as one that never answers.
    response = await ctx.fetch(url, { signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]) });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    throw stooqFetchFailure(symbol, error);
  }
  const failure = stooqResponseFailure(symbol, {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body,
  });
  if (failure) throw failure;
  return body;
}
