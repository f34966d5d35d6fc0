import Fastify, { type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PRICE_PROVIDER_NAMES, type PriceProvider, type ProvidersResponse } from '../../../contracts';
import type { ProviderHealthReader, ProviderHealthSnapshot } from '../../../infra/provider-health';
import apiKeyPlugin from '../../plugins/api-key';
import configPlugin from '../../plugins/config';
import errorHandlerPlugin from '../../plugins/error-handler';
import routePolicyPlugin from '../../plugins/route-policy';
import { testConfig } from '../../test-support/test-config';
import providersRoutes from '.';

/** Counts per provider as a store would hold them; records each read's provider and window. */
function fakeHealth(snapshots: Partial<Record<PriceProvider, ProviderHealthSnapshot>>) {
  const reads: [PriceProvider, number][] = [];
  const health: ProviderHealthReader = {
    read: (provider, windowHours) => {
      reads.push([provider, windowHours]);
      return Promise.resolve(snapshots[provider] ?? { requests: 0, throttles: 0, failures: 0, lastSuccess: null });
    },
  };
  return { health, reads };
}

async function appWith(health: ProviderHealthReader, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  const config = testConfig(env);
  // The app's own order (api/app.ts): the route gets the same key policy and error handler as in production.
  await app.register(configPlugin, { config });
  await app.register(apiKeyPlugin, { config });
  await app.register(routePolicyPlugin, { config });
  await app.register(errorHandlerPlugin);
  await app.register(providersRoutes, { prefix: '/v1', health });
  return app;
}

describe('GET /v1/providers', () => {
  it('reports every provider of the registry with its queue, rate limit, auto order and recent counts', async () => {
    const { health, reads } = fakeHealth({
      yahoo: {
        requests: 12,
        throttles: 3,
        failures: 2,
        lastSuccess: { at: '2026-12-03T12:00:00.000Z', symbol: 'AAPL' },
      },
    });
    const app = await appWith(health, {
      PRICE_PROVIDER_ORDER: 'stooq,yahoo',
      YAHOO_REQUESTS_PER_SECOND: '2.5',
      STOOQ_REQUESTS_PER_SECOND: '0.5',
    });
    const response = await app.inject({ url: '/v1/providers' });
    expect(response.statusCode).toBe(200);
    const { providers } = response.json<ProvidersResponse>();
    expect(providers.map((p) => p.name)).toEqual(PRICE_PROVIDER_NAMES);
    const byName = Object.fromEntries(providers.map((p) => [p.name, p]));
    expect(byName.yahoo).toEqual({
      name: 'yahoo',
      taskQueue: 'etl-yahoo',
      requestsPerSecond: 2.5,
      autoOrder: 2,
      recent: { windowHours: 24, requests: 12, throttles: 3, failures: 2 },
      lastSuccess: { at: '2026-12-03T12:00:00.000Z', symbol: 'AAPL' },
    });
    expect(byName.stooq).toEqual({
      name: 'stooq',
      taskQueue: 'etl-stooq',
      requestsPerSecond: 0.5,
      autoOrder: 1,
      recent: { windowHours: 24, requests: 0, throttles: 0, failures: 0 },
      lastSuccess: null,
    });
    expect(reads.sort()).toEqual(PRICE_PROVIDER_NAMES.map((name) => [name, 24]).sort());
    await app.close();
  });

  it('gives a provider left out of PRICE_PROVIDER_ORDER no auto place', async () => {
    const app = await appWith(fakeHealth({}).health, { PRICE_PROVIDER_ORDER: 'yahoo' });
    const { providers } = (await app.inject({ url: '/v1/providers' })).json<ProvidersResponse>();
    // Every other provider of the registry is left out too.
    const places = Object.fromEntries(providers.map((p) => [p.name, p.autoOrder]));
    expect(places).toEqual({ ...Object.fromEntries(PRICE_PROVIDER_NAMES.map((n) => [n, null])), yahoo: 1 });
    await app.close();
  });

  it('answers 503 with a stable code when the counts cannot be read, rather than zeros', async () => {
    const app = await appWith({ read: () => Promise.reject(new Error('Connection is closed.')) });
    const response = await app.inject({ url: '/v1/providers' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toEqual({
      error: 'provider_health_unavailable',
      message: 'provider request counts are unavailable (Redis)',
    });
    await app.close();
  });
});
