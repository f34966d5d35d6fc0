import type { PriceProvider } from './providers';

/** How far back `GET /v1/providers` counts: hourly buckets, kept a little longer than this by their TTL. */
export const PROVIDER_HEALTH_WINDOW_HOURS = 24;

/** What one request to a provider came to, as its one-request activity saw it. */
export type ProviderRequestOutcome =
  | { kind: 'success'; symbol: string }
  /** HTTP 429 or the provider's own "slow down": retried, and under `auto` passed to the next provider in the end. */
  | { kind: 'throttled'; symbol: string }
  /** Anything else that was not an answer: unknown symbol, refused, 5xx, network error, timeout. */
  | { kind: 'failed'; symbol: string };

/** Counts over the recent window; every request is counted once, in `requests` and in at most one of the others. */
export interface ProviderRequestCounts {
  requests: number;
  throttles: number;
  failures: number;
}

/** A provider's entry in `GET /v1/providers`. */
export interface ProviderStatus {
  name: PriceProvider;
  /** Where its one-request activities run (`etl-<provider>`). */
  taskQueue: string;
  /** `<PROVIDER>_REQUESTS_PER_SECOND`, enforced on the task queue across every etl replica. */
  requestsPerSecond: number;
  /** 1-based position in PRICE_PROVIDER_ORDER, which `source: "auto"` follows; null when `auto` never uses it. */
  autoOrder: number | null;
  recent: ProviderRequestCounts & { windowHours: number };
  /** The latest request the provider answered (bars, or "known, nothing in range"), whenever it was. */
  lastSuccess: { at: string; symbol: string } | null;
}

export interface ProvidersResponse {
  providers: ProviderStatus[];
}
