import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { alphaVantageNotice, parseAlphaVantageDaily, ProviderFormatError } from '../../domain/prices';
import { httpStatusFailure, PROVIDER_UNAVAILABLE, type ProviderHttpResponse } from '../http/provider-failures';

/**
 * Why an answer cannot be archived as this symbol's prices, or undefined when it can. Alpha Vantage answers most
 * refusals with HTTP 200 and a notice instead of the series:
 * - `{"Note": …}` / `{"Information": …}`: the key's rate limit (5 a minute, 25 a day on the free tier): retried, each
 *   retry another rate-limited start on `etl-alphavantage`. One that says "premium endpoint" is the key's plan, not
 *   a rate: retrying cannot change it, so it is permanent.
 * - `{"Error Message": "Invalid API call…"}`: no such symbol, permanent (UnknownSymbol); one about `apikey` is the
 *   key itself, permanent and naming ALPHAVANTAGE_API_KEY.
 */
export function alphaVantageResponseFailure(
  symbol: string,
  response: ProviderHttpResponse,
  now = new Date(),
): ApplicationFailure | undefined {
  const statusFailure = httpStatusFailure('Alpha Vantage', symbol, response, { symbol }, now);
  if (statusFailure) return statusFailure;
  const text = response.body.toString('utf8');
  const notice = alphaVantageNotice(text);
  if (notice?.key === 'Error Message') {
    if (/api ?key/i.test(notice.message)) {
      return ApplicationFailure.nonRetryable(
        `Alpha Vantage refused ALPHAVANTAGE_API_KEY asking for ${symbol}: ${notice.message}`,
        FAILURE_TYPES.providerRejected,
        { symbol },
      );
    }
    return ApplicationFailure.nonRetryable(
      `Alpha Vantage has no daily series for symbol ${symbol}: ${notice.message}`,
      FAILURE_TYPES.unknownSymbol,
      { symbol },
    );
  }
  // Every throttling notice links the premium plans too: only "premium endpoint" says the plan lacks the endpoint.
  if (notice && /premium endpoint/i.test(notice.message)) {
    return ApplicationFailure.nonRetryable(
      `Alpha Vantage refused ${symbol} for the key's plan: ${notice.message}`,
      FAILURE_TYPES.providerRejected,
      { symbol },
    );
  }
  if (notice) {
    return ApplicationFailure.retryable(`Alpha Vantage throttled ${symbol}: ${notice.message}`, PROVIDER_UNAVAILABLE);
  }
  try {
    // Checked before archiving, so an HTML error page with a 200 is never stored as a symbol's prices.
    parseAlphaVantageDaily(text);
  } catch (err) {
    if (!(err instanceof ProviderFormatError)) throw err;
    return ApplicationFailure.nonRetryable(
      `Alpha Vantage answered ${symbol} with something other than its daily series: ${err.message}`,
      FAILURE_TYPES.providerRejected,
      { symbol },
    );
  }
  return undefined;
}
