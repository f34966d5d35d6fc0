import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { parseTiingoDaily, ProviderFormatError } from '../../domain/prices';
import { bodyHead, httpStatusFailure, type ProviderHttpResponse } from '../http/provider-failures';

/**
 * Why an answer cannot be archived as this symbol's prices, or undefined when it can. Tiingo answers an unknown
 * ticker with HTTP 404 and `{"detail": "Error: Ticker 'X' not found"}` (permanent), a missing or wrong token with
 * 401/403 (permanent, naming TIINGO_API_KEY), and its rate limit with 429 (retried after Retry-After).
 */
export function tiingoResponseFailure(
  symbol: string,
  response: ProviderHttpResponse,
  now = new Date(),
): ApplicationFailure | undefined {
  if (response.status === 404) {
    return ApplicationFailure.nonRetryable(
      `Tiingo has no daily prices for ticker ${symbol}${detailOf(response.body)}`,
      FAILURE_TYPES.unknownSymbol,
      { symbol },
    );
  }
  if (response.status === 401 || response.status === 403) {
    return ApplicationFailure.nonRetryable(
      `Tiingo refused TIINGO_API_KEY (HTTP ${response.status}) asking for ${symbol}${detailOf(response.body)}`,
      FAILURE_TYPES.providerRejected,
      { symbol, status: response.status },
    );
  }
  const statusFailure = httpStatusFailure('Tiingo', symbol, response, { symbol }, now);
  if (statusFailure) return statusFailure;
  try {
    // Checked before archiving, so an HTML error page with a 200 is never stored as a symbol's prices.
    parseTiingoDaily(response.body.toString('utf8'));
  } catch (err) {
    if (!(err instanceof ProviderFormatError)) throw err;
    return ApplicationFailure.nonRetryable(
      `Tiingo answered ${symbol} with something other than its daily prices: ${err.message}`,
      FAILURE_TYPES.providerRejected,
      { symbol },
    );
  }
  return undefined;
}

/** Tiingo's `detail`, when its error body has one, for the message. */
function detailOf(body: Buffer): string {
  try {
    const json: unknown = JSON.parse(bodyHead(body));
    const detail = json !== null && typeof json === 'object' ? (json as { detail?: unknown }).detail : undefined;
    return typeof detail === 'string' ? `: ${detail}` : '';
  } catch {
    return '';
  }
}
