import type { PriceProvider, ProviderRequestCounts, ProviderRequestOutcome } from '../../contracts';

/** Where the etl worker's one-request activities count what each request to a provider came to. */
export interface ProviderHealthRecorder {
  /** Never rejects: counting is bookkeeping, and a Redis outage must not fail a fetch that succeeded. */
  record(provider: PriceProvider, outcome: ProviderRequestOutcome, at?: Date): Promise<void>;
}

/** A provider's counts over the recent window, as the store holds them. */
export interface ProviderHealthSnapshot extends ProviderRequestCounts {
  lastSuccess: { at: string; symbol: string } | null;
}

/** What the API reads; rejects when the store cannot answer (the route says so rather than report zeros). */
export interface ProviderHealthReader {
  read(provider: PriceProvider, windowHours: number, now?: Date): Promise<ProviderHealthSnapshot>;
}
