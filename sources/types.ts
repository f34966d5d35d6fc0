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
 * A source of daily prices. Adding a source means writing one of these and naming its collect queue in
 * `SOURCE_COLLECT_QUEUES`; no workflow changes.
 */
export interface PriceSourceAdapter {
  name: IngestPricesRequest['source'];
  /** Splits the request into batches; local sources archive their raw data here and return it in `parts`. */
  plan(input: PlanInput, ctx: SourceContext): Promise<PlannedBatch[]>;
  /** Fetches one batch's raw data from a remote source. Not needed when `plan` returns parts. */
  collect?(input: CollectInput, ctx: SourceContext): Promise<RawPart[]>;
}
