import { ApplicationFailure, patched, proxyActivities, setCurrentDetails } from '@temporalio/workflow';
import {
  ACTIVITY_OPTIONS,
  FAILURE_TYPES,
  SOURCE_COLLECT_QUEUES,
  isPriceProvider,
  type IngestPricesRequest,
  type LoadCounts,
  type PlannedBatch,
  type RawPart,
  type RowCounts,
  type SymbolsByProvider,
} from '../contracts';
import type { createEtlActivities } from '../activities/etl';
import type { createDataActivities } from '../activities/data';
import { collectWithFailover } from './failover-collect-step';
import { collectProviderSymbols } from './provider-collect-step';
import { symbolsByProvider } from './provider-failover';
import { collectStooqSymbols } from './stooq-collect-step';

export interface IngestPriceBatchInput {
  request: IngestPricesRequest;
  batch: PlannedBatch;
  /** The parent run, recorded in the ledger and on every loaded row. */
  parentWorkflowId: string;
  /** The parent's first execution id: one ledger per run of a request, stable across continue-as-new. */
  parentRunId: string;
  runDate: string;
}

export interface IngestPriceBatchResult extends RowCounts, LoadCounts {
  batchKey: string;
  symbols: string[];
  /** `auto` batches: which provider served each symbol that got a part. */
  symbolsByProvider?: SymbolsByProvider;
}

const etl = proxyActivities<ReturnType<typeof createEtlActivities>>(ACTIVITY_OPTIONS.etl);
const data = proxyActivities<ReturnType<typeof createDataActivities>>(ACTIVITY_OPTIONS.data);

/** One batch of symbols: collect the raw data (unless planning archived it), validate it, load it. */
export async function ingestPriceBatch(input: IngestPriceBatchInput): Promise<IngestPriceBatchResult> {
  const { request, batch, runDate } = input;
  const label = describeBatch(batch);

  const parts = batch.parts ?? (await collect(request, batch, runDate, label));

  setCurrentDetails(`Validating ${label}`);
  const transformed = await etl.transformPriceBatch.executeWithOptions({ summary: `Validate ${label}` }, [
    { request, batchKey: batch.batchKey, parentWorkflowId: input.parentWorkflowId, parts },
  ]);

  setCurrentDetails(`Loading ${transformed.counts.rowsLoaded} bars of ${label}`);
  const loaded = await data.loadPriceBatch.executeWithOptions(
    { summary: `Load ${transformed.counts.rowsLoaded} bars of ${label}` },
    [
      {
        workflowId: input.parentWorkflowId,
        runId: input.parentRunId,
        batchKey: batch.batchKey,
        source: request.source,
        symbols: transformed.symbols,
        parts,
        staged: transformed.staged,
        rejected: transformed.rejected,
        counts: transformed.counts,
        actions: transformed.actions,
      },
    ],
  );

  setCurrentDetails(
    `Loaded ${transformed.counts.rowsLoaded} bars of ${label} (${loaded.rowsInserted} new, ${loaded.rowsUpdated} changed); rejected ${transformed.counts.rowsRejected}`,
  );
  return {
    batchKey: batch.batchKey,
    symbols: transformed.symbols,
    ...transformed.counts,
    ...loaded,
    ...(request.source === 'auto' ? { symbolsByProvider: symbolsByProvider(parts) } : {}),
  };
}

/**
 * Collection runs on the source's own queue, so a provider's rate limit holds across all replicas: one symbol per
 * activity, through the provider registry's `fetchProviderSymbol`. Stooq batches recorded before the registry
 * replay their `fetchStooqSymbol` activities, and those from before per-symbol fetching their one `collectPriceBatch`.
 * `auto` batches (newer than every recorded history, so unpatched) try the planned providers in turn per symbol.
 */
function collect(
  request: IngestPricesRequest,
  batch: PlannedBatch,
  runDate: string,
  label: string,
): Promise<RawPart[]> {
  if (request.source === 'auto') {
    if (!batch.providers?.length) {
      throw ApplicationFailure.nonRetryable(
        `auto batch ${batch.batchKey} was planned without providers to try`,
        FAILURE_TYPES.invalidInput,
      );
    }
    return collectWithFailover(request, batch.symbols, runDate, batch.providers);
  }
  if (isPriceProvider(request.source) && patched('provider-registry')) {
    return collectProviderSymbols(request.source, request, batch.symbols, runDate);
  }
  if (request.source === 'stooq' && patched('stooq-request-per-activity')) {
    return collectStooqSymbols(request, batch.symbols, runDate);
  }
  return proxyActivities<ReturnType<typeof createEtlActivities>>(
    ACTIVITY_OPTIONS.collect(SOURCE_COLLECT_QUEUES[request.source]),
  ).collectPriceBatch.executeWithOptions({ summary: `Collect ${label} from ${request.source}` }, [
    { request, symbols: batch.symbols, runDate },
  ]);
}

function describeBatch(batch: PlannedBatch): string {
  const { symbols } = batch;
  const names = symbols.length <= 3 ? symbols.join(', ') : `${symbols[0]}…${symbols[symbols.length - 1]}`;
  return `batch ${batch.batchKey} (${symbols.length} symbol${symbols.length === 1 ? '' : 's'}: ${names})`;
}
