import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, MACRO_SOURCE, type MacroRawPart, type ObjectRef } from '../../contracts';
import { fetchProviderAnswer } from '../http/fetch-answer';
import { fredResponseFailure } from './classify';
import { buildFredUrl, type FredQuery } from './url';

export interface FredSourceOptions {
  /** `config.fred.url`: scheme, host and port; the adapter appends the observations path. */
  baseUrl: string;
  /** `config.fred.apiKey`; without it every fetch fails, naming FRED_API_KEY. */
  apiKey?: string;
  /** Per-request limit, so one hung connection fails fast and is retried instead of eating the activity timeout. */
  requestTimeoutMs?: number;
}

/** What the adapter may use, bound to the running activity. */
export interface FredContext {
  /** Archives the answer under `raw/fred/macro/{runDate}/{sha256}.json`. */
  archive(runDate: string, body: Buffer): Promise<ObjectRef>;
  signal: AbortSignal;
  fetch: typeof fetch;
}

export interface FredSource {
  /** One GET of one series' observations, archived as received once it is known to be FRED's answer. */
  fetchSeries(input: FredQuery & { runDate: string }, ctx: FredContext): Promise<MacroRawPart>;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function createFredSource(options: FredSourceOptions): FredSource {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    async fetchSeries({ runDate, ...query }, ctx) {
      if (!options.apiKey) {
        throw ApplicationFailure.nonRetryable(
          `FRED_API_KEY is not set: FRED needs an API key to answer ${query.seriesId}`,
          FAILURE_TYPES.providerRejected,
          { seriesId: query.seriesId },
        );
      }
      const { url, origin } = buildFredUrl(options.baseUrl, query, options.apiKey);
      const body = await fetchObservations(url, query.seriesId, ctx, timeoutMs);
      const archived = await ctx.archive(runDate, body);
      return { ...archived, seriesId: query.seriesId, origin };
    },
  };
}

async function fetchObservations(url: URL, seriesId: string, ctx: FredContext, timeoutMs: number): Promise<Buffer> {
  const answer = await fetchProviderAnswer({ provider: 'FRED', symbol: seriesId, url, timeoutMs }, ctx);
  const failure = fredResponseFailure(seriesId, answer);
  if (failure) throw failure;
  return answer.body;
}

/** The archive prefix of a run's answers. */
export const fredArchivePrefix = (runDate: string): string => `raw/${MACRO_SOURCE}/macro/${runDate}`;
