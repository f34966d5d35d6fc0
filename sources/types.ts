import type { Readable } from 'node:stream';
import type { IngestPricesRequest, ObjectRef, PlannedBatch, RawPart } from '../contracts';

/** What a source adapter may use; built once per worker process. */
export interface SourceContext {
  /** Archives a raw payload under `raw/{source}/prices/{runDate}/{sha256}.{ext}` and returns its reference. */
  archiveRaw(
    source: string,
    runDate: string,
    body: Readable | Buffer | { file: string },
    ext: string,
  ): Promise<ObjectRef>;
  /** Reports liveness and a resumable cursor to Temporal (a no-op outside an activity). */
  heartbeat(details?: unknown): void;
  /** Aborted when Temporal cancels the activity. */
  signal: AbortSignal;
  fetch: typeof fetch;
}

export interface PlanInput {
  request: IngestPricesRequest;
  batchSize: number;
  /** ISO date of the run, for object keys; passed in so retries write the same keys. */
  runDate: string;
}

export interface CollectInput {
  request: IngestPricesRequest;
  symbols: string[];
  runDate: string;
}

/**
 * A source of daily prices. Adding one means writing one of these and one entry in `PRICE_PROVIDERS`
 * (contracts/providers.ts) and the worker's provider list (sources/providers.ts); no workflow changes.
 */
export interface PriceSourceAdapter {
  name: IngestPricesRequest['source'];
  /** Splits the request into batches; local sources archive their raw data here and return it in `parts`. */
  plan(input: PlanInput, ctx: SourceContext): Promise<PlannedBatch[]>;
  /** Fetches one batch's raw data from a remote source. Not needed when `plan` returns parts. */
  collect?(input: CollectInput, ctx: SourceContext): Promise<RawPart[]>;
}

/** One symbol over the run's range, archived under the run's date. */
export interface ProviderSymbolInput {
  symbol: string;
  /** ISO `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** ISO `YYYY-MM-DD`, inclusive. */
  to?: string;
  runDate: string;
}

/**
 * A price provider over HTTP. Each method makes exactly one request, so each runs as its own activity on the
 * provider's queue and the queue's rate limit (`maxTaskQueueActivitiesPerSecond`) counts every request.
 */
export interface HttpPriceProvider extends PriceSourceAdapter {
  /** One GET: the symbol's bars, archived as received; UnknownSymbol (non-retryable) when the provider has none. */
  fetchSymbol(input: ProviderSymbolInput, ctx: SourceContext): Promise<RawPart>;
  /**
   * One GET without a range, for providers that answer an unknown symbol and an empty range alike (Stooq's
   * "No data"): resolves when the symbol is known, else UnknownSymbol. Declared by `PRICE_PROVIDERS[…].probes`.
   */
  probeSymbol?(input: { symbol: string }, ctx: SourceContext): Promise<void>;
}
