import type { SourceContext } from '../types';
import { providerFetchFailure, type ProviderHttpResponse } from './provider-failures';

/** A provider's name for messages and its per-request limit. */
export interface ProviderRequest {
  provider: string;
  /** The symbol asked for, for messages. */
  symbol: string;
  url: URL;
  headers?: Record<string, string>;
  timeoutMs: number;
}

/**
 * One GET: the provider's status, Retry-After and exact body, for its classifier to judge. A request that gets no
 * answer (network error, per-request timeout) is a retryable failure; Temporal's cancellation is rethrown as is, so
 * the activity is reported cancelled rather than failed.
 */
export async function fetchProviderAnswer(
  request: ProviderRequest,
  ctx: Pick<SourceContext, 'fetch' | 'signal'>,
): Promise<ProviderHttpResponse> {
  try {
    // The body is read under the same signal: a server that stalls mid-body is as stuck as one that never answers.
    const response = await ctx.fetch(request.url, {
      headers: request.headers,
      signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(request.timeoutMs)]),
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    throw providerFetchFailure(request.provider, request.symbol, error);
  }
}
