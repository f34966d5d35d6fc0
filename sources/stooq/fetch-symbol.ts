import type { SourceContext } from '../types';
import { fetchProviderAnswer } from '../http/fetch-answer';
import { stooqResponseFailure } from './classify';

/**
 * GETs one symbol's CSV and returns the exact bytes Stooq sent, or throws a classified `ApplicationFailure`.
 * Temporal cancellation is rethrown as is, so the worker reports the activity cancelled rather than failed.
 */
export async function fetchStooqCsv(url: URL, symbol: string, ctx: SourceContext, timeoutMs: number): Promise<Buffer> {
  const answer = await fetchProviderAnswer({ provider: 'Stooq', symbol, url, timeoutMs }, ctx);
  const failure = stooqResponseFailure(symbol, answer);
  if (failure) throw failure;
  return answer.body;
}
