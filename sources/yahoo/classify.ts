import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { parseYahooChart, YahooChartFormatError } from '../../domain/prices';
import { httpStatusFailure, type ProviderHttpResponse } from '../http/provider-failures';

/**
 * Why a chart answer cannot be archived as this symbol's prices, or undefined when it can. Yahoo answers an unknown
 * symbol with HTTP 404 and `chart.error.code: "Not Found"`: permanent. 429 and 5xx are retried after Retry-After.
 */
export function yahooResponseFailure(
  symbol: string,
  response: ProviderHttpResponse,
  now = new Date(),
): ApplicationFailure | undefined {
  if (response.status === 404) {
    return ApplicationFailure.nonRetryable(`Yahoo has no chart for symbol ${symbol}`, FAILURE_TYPES.unknownSymbol, {
      symbol,
    });
  }
  const statusFailure = httpStatusFailure('Yahoo', symbol, response, { symbol }, now);
  if (statusFailure) return statusFailure;
  try {
    // Checked before archiving, so an HTML error page with a 200 is never stored as a symbol's prices.
    parseYahooChart(response.body.toString('utf8'));
  } catch (err) {
    if (!(err instanceof YahooChartFormatError)) throw err;
    return ApplicationFailure.nonRetryable(
      `Yahoo answered ${symbol} with something other than its chart: ${err.message}`,
      FAILURE_TYPES.providerRejected,
      { symbol },
    );
  }
  return undefined;
}
