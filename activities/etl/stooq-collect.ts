import type { RawPart } from '../../contracts';
import type { ObjectStore } from '../../infra/s3';
import type { StooqSource, StooqSymbolInput } from '../../sources/stooq';
import { heartbeating } from '../heartbeat';
import { sourceContext } from './source-context';

export type FetchStooqSymbolInput = StooqSymbolInput;

export interface ProbeStooqSymbolInput {
  symbol: string;
}

/**
 * Collection from Stooq, one HTTP request per activity on the `etl-stooq` queue, so the queue's rate limit
 * (`STOOQ_REQUESTS_PER_SECOND`, enforced by the Temporal server across every replica) is the real limit.
 * Retries are Temporal's: a 429 or 5xx fails the attempt and the next attempt is another rate-limited start.
 */
export function createStooqCollectActivities(s3: ObjectStore, stooq: StooqSource, fetchImpl: typeof fetch = fetch) {
  return {
    /** Returns the archived object's key, never the bars: the transform reads them from S3. */
    fetchStooqSymbol: (input: FetchStooqSymbolInput): Promise<RawPart> =>
      heartbeating((heartbeat) => stooq.fetchSymbol(input, sourceContext(s3, fetchImpl, heartbeat))),
    probeStooqSymbol: (input: ProbeStooqSymbolInput): Promise<void> =>
      heartbeating((heartbeat) => stooq.probeSymbol(input, sourceContext(s3, fetchImpl, heartbeat))),
  };
}
