import { ApplicationFailure } from '@temporalio/common';
import { FAILURE_TYPES, type RawPart } from '../../contracts';
import type { CollectInput, SourceContext } from '../types';
import type { StooqSource } from './types';

/**
 * A whole batch in one activity, symbol after symbol: only for batches started before the
 * `stooq-request-per-activity` patch, whose history already holds a `collectPriceBatch` that may be retried after a
 * deploy. New batches fetch each symbol as its own activity (workflows/stooq-collect-step.ts). The first failing
 * symbol fails the batch, as it always did for these runs.
 */
export async function collectBatchInTurn(
  source: Pick<StooqSource, 'fetchSymbol' | 'probeSymbol'>,
  input: CollectInput,
  ctx: SourceContext,
): Promise<RawPart[]> {
  const { from, to } = input.request;
  const parts: RawPart[] = [];
  for (const [index, symbol] of input.symbols.entries()) {
    try {
      parts.push(await source.fetchSymbol({ symbol, from, to, runDate: input.runDate }, ctx));
    } catch (err) {
      const ranged = from !== undefined || to !== undefined;
      if (!ranged || !(err instanceof ApplicationFailure) || err.type !== FAILURE_TYPES.unknownSymbol) throw err;
      // A known symbol without bars in the range contributes no raw object and no rows.
      await source.probeSymbol({ symbol }, ctx);
    }
    ctx.heartbeat({ next: index + 1 });
  }
  return parts;
}
