import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type RawPart } from '../../contracts';
import type { CollectInput, PriceSourceAdapter, SourceContext } from '../types';
import { fetchStooqRange } from './fetch-range';
import { createPacer } from './pacer';
import { planStooqBatches } from './plan';
import { redactUrl } from './url';

export interface StooqSourceOptions {
  /** `config.stooq.url`. */
  baseUrl: string;
  /** `config.stooq.requestsPerSecond`; unset means no pacing inside a batch (tests, local mirrors). */
  requestsPerSecond?: number;
  /** Per-request limit, so one hung connection fails fast and is retried instead of eating the activity timeout. */
  requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function createStooqSource(options: StooqSourceOptions): PriceSourceAdapter {
  return {
    name: 'stooq',
    plan: (input) =>
      Promise.resolve().then(() => {
        const symbols = input.request.symbols ?? [];
        if (symbols.length === 0) {
          throw ApplicationFailure.nonRetryable('A stooq run needs at least one symbol', FAILURE_TYPES.invalidInput);
        }
        return planStooqBatches(symbols, input.batchSize);
      }),
    collect: (input, ctx) => collectBatch(input, ctx, options),
  };
}

/**
 * Fetches and archives each symbol of the batch in turn. A retry starts the batch over: archived objects are
 * content-addressed, so re-archiving an identical body writes the same key, and the parts list stays complete.
 */
async function collectBatch(input: CollectInput, ctx: SourceContext, options: StooqSourceOptions): Promise<RawPart[]> {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const pace = createPacer(options.requestsPerSecond, ctx.signal);
  const parts: RawPart[] = [];
  for (const [index, symbol] of input.symbols.entries()) {
    const pacedSafely = () =>
      pace().catch((error: unknown) => {
        throw ctx.signal.aborted ? (ctx.signal.reason ?? error) : error;
      });
    const query = { symbol, from: input.request.from, to: input.request.to };
    const { url, body } = await fetchStooqRange(options.baseUrl, query, ctx, { timeoutMs, pace: pacedSafely });
    // A known symbol without bars in the range contributes no raw object and no rows.
    if (body) {
      const archived = await ctx.archiveRaw('stooq', input.runDate, body, 'csv');
      parts.push({ ...archived, symbol, origin: redactUrl(url) });
    }
    ctx.heartbeat({ next: index + 1 });
  }
  return parts;
}
