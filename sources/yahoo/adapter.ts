import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { planStooqBatches as planSymbolBatches } from '../stooq/plan';
import type { HttpPriceProvider, SourceContext } from '../types';
import { yahooFetchFailure, yahooResponseFailure } from './classify';
import { buildYahooUrl } from './url';

export interface YahooSourceOptions {
  /** `config.yahoo.url`: scheme, host and port; the adapter appends the chart path. */
  baseUrl: string;
  /** Per-request limit, so one hung connection fails fast and is retried instead of eating the activity timeout. */
  requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Yahoo's chart API as a price source: one GET per symbol, its JSON archived as is and validated by the transform. */
export function createYahooSource(options: YahooSourceOptions): HttpPriceProvider {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    name: 'yahoo',
    plan: (input) =>
      Promise.resolve().then(() => {
        const symbols = input.request.symbols ?? [];
        if (symbols.length === 0) {
          throw ApplicationFailure.nonRetryable('A yahoo run needs at least one symbol', FAILURE_TYPES.invalidInput);
        }
        return planSymbolBatches(symbols, input.batchSize);
      }),
    async fetchSymbol(input, ctx) {
      const url = buildYahooUrl(options.baseUrl, input);
      const body = await fetchChart(url, input.symbol, ctx, timeoutMs);
      const archived = await ctx.archiveRaw('yahoo', input.runDate, body, 'json');
      return { ...archived, symbol: input.symbol, origin: url.toString(), format: 'yahoo-chart-json' };
    },
  };
}

async function fetchChart(url: URL, symbol: string, ctx: SourceContext, timeoutMs: number): Promise<Buffer> {
  let response: Response;
  let body: Buffer;
  try {
    response = await ctx.fetch(url, { signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(timeoutMs)]) });
    body = Buffer.from(await response.arrayBuffer());
  } catch (error) {
    // Temporal's cancellation is rethrown as is, so the activity is reported cancelled rather than failed.
    if (ctx.signal.aborted) throw ctx.signal.reason ?? error;
    throw yahooFetchFailure(symbol, error);
  }
  const failure = yahooResponseFailure(symbol, {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body,
  });
  if (failure) throw failure;
  return body;
}
