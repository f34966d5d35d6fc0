import type Redis from 'ioredis';
import type { PriceProvider, ProviderRequestOutcome } from '../../contracts';
import { PROVIDER_HEALTH_WINDOW_HOURS } from '../../contracts';
import { withTimeout } from '../cache/cache';
import type { ProviderHealthReader, ProviderHealthRecorder, ProviderHealthSnapshot } from './types';

export interface ProviderHealthLogger {
  warn(details: object, message: string): void;
}

const HOUR_MS = 3_600_000;
/** A bucket outlives the window by an hour, so the oldest hour read is still there. */
const BUCKET_TTL_SECONDS = (PROVIDER_HEALTH_WINDOW_HOURS + 1) * 3600;
const FIELD: Record<ProviderRequestOutcome['kind'], 'throttles' | 'failures' | null> = {
  success: null,
  throttled: 'throttles',
  failed: 'failures',
};

/** `provider-health:yahoo:2026120313`: one hash per provider and UTC hour, fields requests/throttles/failures. */
const bucketKey = (provider: PriceProvider, hourStartMs: number): string =>
  `provider-health:${provider}:${new Date(hourStartMs).toISOString().slice(0, 13).replace(/[-T]/g, '')}`;
const lastSuccessKey = (provider: PriceProvider): string => `provider-health:${provider}:last-success`;

/**
 * Provider request counters in Redis, written by every etl replica and read by the API: simple hourly buckets
 * that expire on their own, plus the last success. Counts are approximate by design (a write lost to an outage is
 * not replayed); they describe health, they are not a ledger.
 */
export function createProviderHealthStore(
  redis: Redis,
  options: { commandTimeoutMs?: number; logger?: ProviderHealthLogger } = {},
): ProviderHealthRecorder & ProviderHealthReader {
  const timeoutMs = options.commandTimeoutMs ?? 500;
  return {
    async record(provider, outcome, at = new Date()) {
      const bucket = bucketKey(provider, Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
      const write = redis.multi().hincrby(bucket, 'requests', 1);
      const field = FIELD[outcome.kind];
      if (field) write.hincrby(bucket, field, 1);
      write.expire(bucket, BUCKET_TTL_SECONDS);
      if (outcome.kind === 'success') {
        write.set(lastSuccessKey(provider), JSON.stringify({ at: at.toISOString(), symbol: outcome.symbol }));
      }
      try {
        await withTimeout(write.exec(), timeoutMs);
      } catch (err) {
        options.logger?.warn(
          { provider, outcome: outcome.kind, error: err instanceof Error ? err.message : String(err) },
          'provider health not recorded',
        );
      }
    },
    async read(provider, windowHours, now = new Date()) {
      const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
      const read = redis.multi();
      for (let hour = 0; hour < windowHours; hour++) read.hgetall(bucketKey(provider, currentHour - hour * HOUR_MS));
      read.get(lastSuccessKey(provider));
      const replies = await withTimeout(read.exec(), timeoutMs);
      if (!replies) throw new Error('Redis discarded the provider health read');
      const snapshot: ProviderHealthSnapshot = { requests: 0, throttles: 0, failures: 0, lastSuccess: null };
      for (const [error, value] of replies.slice(0, windowHours)) {
        if (error) throw error;
        const counts = value as Record<string, string>;
        snapshot.requests += Number(counts.requests ?? 0);
        snapshot.throttles += Number(counts.throttles ?? 0);
        snapshot.failures += Number(counts.failures ?? 0);
      }
      const [error, last] = replies[windowHours];
      if (error) throw error;
      if (typeof last === 'string') snapshot.lastSuccess = JSON.parse(last) as ProviderHealthSnapshot['lastSuccess'];
      return snapshot;
    },
  };
}
