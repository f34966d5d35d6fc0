import { secFetchFailure, secResponseFailure, type SecRequestSubject } from './classify';
import type { SecContext } from './types';

export interface SecFetchOptions {
  userAgent: string;
  timeoutMs: number;
}

/**
 * One GET against SEC, returning the exact bytes sent or throwing a classified `ApplicationFailure`. Exactly one
 * request per call: retries are Temporal's, so the `etl-sec` queue's rate limit counts every request.
 */
export async function fetchSec(
  url: string,
  subject: SecRequestSubject,
  ctx: SecContext,
  options: SecFetchOptions,
): Promise<Buffer> {
  let response: Response;
  let body: Buffer;
  try {
    response = await ctx.fetch(url, {
      headers: { 'User-Agent': options.userAgent, Accept: 'application/json' },
      signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(options.timeoutMs)]),
    });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    throw secFetchFailure(subject, error);
  }
  const failure = secResponseFailure(subject, {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body,
  });
  if (failure) throw failure;
  return body;
}
