import type { PriceSource } from './prices';

/**
 * Price providers reached over HTTP, one entry each. Each gets its own task queue, `etl-<provider>`, whose
 * `maxTaskQueueActivitiesPerSecond` is its documented rate limit (`<PROVIDER>_REQUESTS_PER_SECOND`): every activity
 * on it makes exactly one request, so the Temporal server enforces the limit across every etl replica.
 */
export const PRICE_PROVIDERS = {
  /** Stooq answers "No data" both for an unknown symbol and for a range without bars: a rangeless probe tells them apart. */
  stooq: { probesUnknownSymbol: true },
  /** Yahoo answers an unknown symbol with 404 and an empty range with an empty chart: no probe needed. */
  yahoo: { probesUnknownSymbol: false },
  /** Alpha Vantage answers an unknown symbol with an "Error Message" and has no range: no probe needed. */
  alphavantage: { probesUnknownSymbol: false },
  /** Tiingo answers an unknown ticker with 404 and an empty range with `[]`: no probe needed. */
  tiingo: { probesUnknownSymbol: false },
} as const satisfies Partial<Record<Exclude<PriceSource, 'auto'>, { probesUnknownSymbol: boolean }>>;

export type PriceProvider = keyof typeof PRICE_PROVIDERS;

export const PRICE_PROVIDER_NAMES = Object.keys(PRICE_PROVIDERS) as PriceProvider[];

export const isPriceProvider = (source: string): source is PriceProvider => Object.hasOwn(PRICE_PROVIDERS, source);

/** A provider's own queue, where its one-request activities run under its rate limit. */
export const providerTaskQueue = (provider: PriceProvider): `etl-${PriceProvider}` => `etl-${provider}`;

/**
 * The task queue whose workers plan and collect each source: local files on `etl`, a provider on its own queue.
 */
export const SOURCE_COLLECT_QUEUES = {
  csv: 'etl',
  // Planned on `etl`; each symbol is then fetched on the queue of each provider it tries.
  auto: 'etl',
  ...(Object.fromEntries(PRICE_PROVIDER_NAMES.map((name) => [name, providerTaskQueue(name)])) as {
    [P in PriceProvider]: `etl-${P}`;
  }),
} satisfies Record<PriceSource, string>;
