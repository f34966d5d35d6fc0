import { PRICE_PROVIDER_NAMES, type PriceProvider } from '../../contracts';
import type { ProviderSettings } from '../../sources/providers';

/** The key every local provider server (alphavantage-server, tiingo-server) accepts unless a test names another. */
export const TEST_API_KEY = 'iby-test-key';

/** Nothing listens on the discard port: a provider a test does not point at its server fails fast if called. */
const UNREACHABLE = 'http://127.0.0.1:9';

/**
 * Settings for every provider of `PRICE_PROVIDERS`, as `Config` holds them: unreachable, `requestsPerSecond` each,
 * with `TEST_API_KEY`, unless overridden. A new provider needs no change in the tests that do not use it.
 */
export function testProviderSettings(
  overrides: Partial<Record<PriceProvider, Partial<ProviderSettings>>> = {},
  requestsPerSecond = 50,
): Record<PriceProvider, ProviderSettings> {
  return Object.fromEntries(
    PRICE_PROVIDER_NAMES.map((name) => [
      name,
      { url: UNREACHABLE, requestsPerSecond, apiKey: TEST_API_KEY, ...overrides[name] },
    ]),
  ) as Record<PriceProvider, ProviderSettings>;
}
