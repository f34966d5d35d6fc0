import { buffer } from 'node:stream/consumers';
import { ApplicationFailure } from '@temporalio/common';
import { log } from '@temporalio/activity';
import type { Pool } from 'pg';
import {
  FAILURE_TYPES,
  type LoadCounts,
  type RecordedActionRow,
  type ObjectRef,
  type RawPart,
  type RowCounts,
} from '../../contracts';
import { normalizeSymbol } from '../../domain/prices';
import { readObject } from '../../infra/objects/read-object';
import { recordProviderActions } from '../../infra/repositories/corporate-actions';
import { ChecksumMismatchError, loadStagedPrices } from '../../infra/repositories/price-load';
import type { ObjectStore } from '../../infra/s3';
import { ledgerFieldsOf, type StagedBatchInput } from './staged-batch';

export interface LoadPriceBatchInput extends StagedBatchInput {
  symbols: string[];
  counts: RowCounts;
  /** The provider's splits and dividends (a JSON array of RecordedActionRow), recorded after the bars. */
  actions?: ObjectRef;
}

export interface LoadDeps {
  db: Pool;
  s3: ObjectStore;
  /** Drops cached reads of these symbols; a cache failure never fails a load. */
  invalidatePrices: (symbols: string[]) => Promise<void>;
}

/** `signal`: the activity's cancellation, which destroys the staged read and the COPY and rolls the load back. */
export async function loadPriceBatch(
  deps: LoadDeps,
  input: LoadPriceBatchInput,
  signal?: AbortSignal,
): Promise<LoadCounts> {
  const staged = await readObject(deps.s3, input.staged.key, signal);
  let counts: LoadCounts;
  try {
    counts = await loadStagedPrices(
      deps.db,
      staged,
      {
        ...ledgerFieldsOf(input),
        symbols: input.symbols,
        rowsRead: input.counts.rowsRead,
        rowsLoaded: input.counts.rowsLoaded,
        rowsRejected: input.counts.rowsRejected,
        rowsFiltered: input.counts.rowsFiltered,
        rowSources: rowSources(input.parts),
      },
      signal,
    );
  } catch (err) {
    if (err instanceof ChecksumMismatchError)
      throw ApplicationFailure.nonRetryable(err.message, FAILURE_TYPES.checksumMismatch);
    throw err;
  }
  if (input.actions) {
    const body = await buffer(await readObject(deps.s3, input.actions.key, signal));
    // Written by this project's transform (transform-price-batch.ts) as a JSON array of RecordedActionRow.
    const actions = JSON.parse(body.toString('utf8')) as RecordedActionRow[];
    const recorded = await recordActionsBySource(deps.db, actions, input);
    log.info('recorded provider actions', { batchKey: input.batchKey, recorded });
  }
  await deps.invalidatePrices(input.symbols).catch((err: unknown) => {
    log.warn('cache invalidation failed', { error: String(err) });
  });
  log.info('loaded price batch', { batchKey: input.batchKey, ...counts });
  return counts;
}

/** `auto` batches: each symbol's provider, from the parts that name the provider that answered. */
function rowSources(parts: RawPart[]): { symbol: string; source: string }[] {
  return parts.flatMap((part) =>
    part.provider && part.symbol && !part.failure
      ? [{ symbol: normalizeSymbol(part.symbol), source: part.provider }]
      : [],
  );
}

/** Actions are recorded under the provider that reported them: the part's under `auto`, else the batch's source. */
async function recordActionsBySource(db: Pool, actions: RecordedActionRow[], input: LoadPriceBatchInput) {
  const sourceOf = new Map(rowSources(input.parts).map((r) => [r.symbol, r.source]));
  const bySource = new Map<string, RecordedActionRow[]>();
  for (const action of actions) {
    const source = sourceOf.get(action.symbol) ?? input.source;
    bySource.set(source, [...(bySource.get(source) ?? []), action]);
  }
  let recorded = 0;
  for (const [source, rows] of bySource) recorded += await recordProviderActions(db, rows, source, input.workflowId);
  return recorded;
}
