import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { bodyHead as head, httpStatusFailure, type ProviderHttpResponse } from '../http/provider-failures';

export { PROVIDER_UNAVAILABLE } from '../http/provider-failures';

/** The headers Stooq sends; some instruments (currencies, some indices) have no volume column. */
const STOOQ_HEADERS = ['Date,Open,High,Low,Close,Volume', 'Date,Open,High,Low,Close'];

/** Stooq answers 200 with this body for an unknown symbol (and for a range with no rows); stooq.pl in Polish. */
const NO_DATA_BODIES = ['no data', 'brak danych'];

const BODY_EXCERPT_CHARS = 80;

export type StooqHttpResponse = ProviderHttpResponse;

/** Why a response cannot be archived as this symbol's prices, or undefined when it can. */
export function stooqResponseFailure(
  symbol: string,
  response: StooqHttpResponse,
  now = new Date(),
): ApplicationFailure | undefined {
  const { status } = response;
  if (status === 404 || (status === 200 && isNoData(response.body))) {
    return ApplicationFailure.nonRetryable(`Stooq has no data for symbol ${symbol}`, FAILURE_TYPES.unknownSymbol, {
      symbol,
    });
  }
  const statusFailure = httpStatusFailure('Stooq', symbol, response, { symbol }, now);
  if (statusFailure) return statusFailure;
  if (!STOOQ_HEADERS.includes(firstLine(response.body))) {
    return ApplicationFailure.nonRetryable(
      `Stooq answered ${symbol} with something other than its CSV: ${JSON.stringify(excerpt(response.body))}`,
      FAILURE_TYPES.providerRejected,
      { symbol },
    );
  }
  return undefined;
}

const firstLine = (body: Buffer): string => head(body).split('\n', 1)[0].trimEnd();

const isNoData = (body: Buffer): boolean =>
  body.length < 64 && NO_DATA_BODIES.includes(head(body).trim().toLowerCase());

const excerpt = (body: Buffer): string => head(body).slice(0, BODY_EXCERPT_CHARS);
