import {
  PRICE_PROVIDER_NAMES,
  PROVIDER_HEALTH_WINDOW_HOURS,
  providerTaskQueue,
  type PriceProvider,
  type ProvidersResponse,
} from '../../contracts';
import type { ProviderHealthReader } from '../../infra/provider-health';

/** What the configuration says about the providers: each one's rate limit, and the order `auto` follows. */
export interface ProviderSettingsView {
  requestsPerSecond: Record<PriceProvider, number>;
  order: readonly PriceProvider[];
}

/**
 * Every provider of the registry with its queue, its configured rate limit, its place in the `auto` order, and what
 * its requests came to over the recent window (counted by the etl workers).
 */
export async function listProviderStatuses(
  health: ProviderHealthReader,
  settings: ProviderSettingsView,
  now: Date = new Date(),
): Promise<ProvidersResponse> {
  const providers = await Promise.all(
    PRICE_PROVIDER_NAMES.map(async (name) => {
      const { lastSuccess, ...counts } = await health.read(name, PROVIDER_HEALTH_WINDOW_HOURS, now);
      const position = settings.order.indexOf(name);
      return {
        name,
        taskQueue: providerTaskQueue(name),
        requestsPerSecond: settings.requestsPerSecond[name],
        autoOrder: position === -1 ? null : position + 1,
        recent: { windowHours: PROVIDER_HEALTH_WINDOW_HOURS, ...counts },
        lastSuccess,
      };
    }),
  );
  return { providers };
}
