import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES } from '../../contracts';
import { collectBatchInTurn } from './batch-collect';
import { fetchStooqCsv } from './fetch-symbol';
import { planStooqBatches } from './plan';
import type { StooqSource, StooqSourceOptions } from './types';
import { redactUrl } from '../http/redact-url';
import { buildStooqUrl } from './url';

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export function createStooqSource(options: StooqSourceOptions): StooqSource {
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const source: StooqSource = {
    name: 'stooq',
    plan: (input) =>
      Promise.resolve().then(() => {
        const symbols = input.request.symbols ?? [];
        if (symbols.length === 0) {
          throw ApplicationFailure.nonRetryable('A stooq run needs at least one symbol', FAILURE_TYPES.invalidInput);
        }
        return planStooqBatches(symbols, input.batchSize);
      }),
    async fetchSymbol({ runDate, ...query }, ctx) {
      const url = buildStooqUrl(options.baseUrl, query);
      const body = await fetchStooqCsv(url, query.symbol, ctx, timeoutMs);
      const archived = await ctx.archiveRaw('stooq', runDate, body, 'csv');
      return { ...archived, symbol: query.symbol, origin: redactUrl(url) };
    },
    async probeSymbol({ symbol }, ctx) {
      await fetchStooqCsv(buildStooqUrl(options.baseUrl, { symbol }), symbol, ctx, timeoutMs);
    },
    collect: (input, ctx) => collectBatchInTurn(source, input, ctx),
  };
  return source;
}
