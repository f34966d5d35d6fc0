import { Type } from 'typebox';

const Count = Type.Integer({ minimum: 0 });

/** `GET /v1/providers`: the contract's ProvidersResponse (contracts/provider-health.ts). */
export const ProvidersBody = Type.Object({
  providers: Type.Array(
    Type.Object({
      name: Type.String({ description: 'A price provider of the registry, usable as a run source' }),
      taskQueue: Type.String({ description: 'Where its one-request activities run, e.g. etl-yahoo' }),
      requestsPerSecond: Type.Number({ description: '<PROVIDER>_REQUESTS_PER_SECOND, across every etl replica' }),
      autoOrder: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], {
        description: 'Place in PRICE_PROVIDER_ORDER (1 = tried first by source "auto"); null when auto skips it',
      }),
      recent: Type.Object(
        {
          windowHours: Count,
          requests: Count,
          throttles: { ...Count, description: 'Requests answered with a throttle (HTTP 429), counted in requests' },
          failures: { ...Count, description: 'Other requests without bars: unknown symbol, refused, 5xx, network' },
        },
        { description: 'Counted by the etl workers in hourly buckets' },
      ),
      lastSuccess: Type.Union([
        Type.Object({ at: Type.String({ format: 'date-time' }), symbol: Type.String() }),
        Type.Null(),
      ]),
    }),
  ),
});
