import { z } from 'zod';
import { PRICE_PROVIDER_NAMES, isPriceProvider, type PriceProvider } from '../contracts/providers';

const port = z.coerce.number().int().min(1).max(65535);
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);
const url = z.string().url();
/** A provider's host: its adapter appends the documented path, so a path or query here would be silently doubled. */
const hostUrl = url.refine((value) => {
  const parsed = new URL(value);
  return (parsed.pathname === '/' || parsed.pathname === '') && parsed.search === '' && parsed.hash === '';
}, 'expected scheme, host and port only (e.g. https://query1.finance.yahoo.com): the adapter appends the path');
const replicas = z.coerce.number().int().min(0).max(32);
/** Provider names from the registry, each once, at least one: the order `source: "auto"` tries them in. */
const providerOrder = csv.pipe(
  z.array(z.string()).transform((names, ctx): PriceProvider[] => {
    const expected = `expected comma-separated names of ${PRICE_PROVIDER_NAMES.join(', ')}`;
    const unknown = names.filter((name) => !isPriceProvider(name));
    if (unknown.length > 0)
      ctx.addIssue({ code: 'custom', message: `not a price provider: ${unknown.join(', ')} (${expected})` });
    if (names.length === 0) ctx.addIssue({ code: 'custom', message: `names no provider (${expected})` });
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    if (twice.length > 0) ctx.addIssue({ code: 'custom', message: `names a provider twice: ${twice.join(', ')}` });
    return names.filter(isPriceProvider);
  }),
);

/** Every variable the system reads. Defaults describe the local stack started by `npm start`. */
export const envSchema = z.object({
  TEMPORAL_ADDRESS: z
    .string()
    .regex(/^[^:\s]+:\d{1,5}$/, 'expected host:port')
    .default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_UI_PORT: port.default(8233),
  /** Base URL that links in API responses point at; defaults to the dev server UI on TEMPORAL_UI_PORT. */
  TEMPORAL_UI_URL: url.optional(),
  /** Temporal Cloud / a secured cluster: the SDK's standard variable names. An API key implies TLS. */
  TEMPORAL_API_KEY: z.string().min(1).optional(),
  TEMPORAL_TLS: z.enum(['true', 'false']).optional(),
  TEMPORAL_TLS_CLIENT_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_CLIENT_KEY_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_CA_CERT_PATH: z.string().min(1).optional(),
  TEMPORAL_TLS_SERVER_NAME: z.string().min(1).optional(),
  DATABASE_URL: url.default('postgres://postgres@127.0.0.1:5432/iby'),
  /** Connections per process (each replica has its own pool). */
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Server-side limits per session, so a stuck query or an abandoned transaction cannot hold locks forever. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(300_000),
  DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(0).default(60_000),
  /** The data worker applies migrations at start; false where a separate job migrates with a stronger role. */
  DB_MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),
  /** Shown in pg_stat_activity; blank means iby-<service> (iby-api, iby-etl-worker, …). */
  DB_APPLICATION_NAME: z.string().min(1).max(63).optional(),
  REDIS_URL: url.default('redis://127.0.0.1:6379/0'),
  /** How long a cache read or write may take before the caller goes on without the cache. */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().positive().default(100),
  S3_ENDPOINT: url.default('http://127.0.0.1:8333'),
  S3_ACCESS_KEY: z.string().min(1).default('iby-local'),
  S3_SECRET_KEY: z.string().min(8).default('iby-local-secret'),
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'expected an S3 bucket name (lower-case letters, digits, dots, dashes)',
    )
    .default('iby'),
  S3_REGION: z.string().min(1).default('us-east-1'),
  API_HOST: z.string().min(1).default('127.0.0.1'),
  API_PORT: port.default(3000),
  API_KEYS: csv.default(['dev-key']),
  /** sha256 hex digests of accepted keys, so a deployment need not hold the keys themselves. */
  API_KEY_HASHES: csv.pipe(z.array(z.string().regex(/^[0-9a-fA-F]{64}$/, 'expected sha256 hex digests'))).default([]),
  /** Also require a key for reads under /v1 (writes and schedules always need one). */
  API_PROTECT_READS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(300),
  API_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(512 * 1024),
  /** How long object links the API hands out (charts, reports, raw files) stay valid. */
  API_OBJECT_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(300),
  /** Origins allowed by CORS; empty means CORS is off (same-origin only). */
  API_CORS_ORIGINS: csv.pipe(z.array(url)).default([]),
  /** Folders the API may import files from, besides the bundled demo data, which is always importable. */
  IMPORT_ROOTS: csv.default([]),
  /** How long a run read (`GET /v1/runs…`) waits for Temporal before answering 503. */
  API_RUN_READ_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  ETL_WORKER_PORT: port.default(8000),
  ANALYSIS_WORKER_PORT: port.default(8001),
  DATA_WORKER_PORT: port.default(8002),
  /** Processes per worker service that npm start runs (`npm start -- --replicas etl=3` wins over these). */
  ETL_WORKER_REPLICAS: replicas.default(1),
  DATA_WORKER_REPLICAS: replicas.default(1),
  ANALYSIS_WORKER_REPLICAS: replicas.default(1),
  /** Names this replica in its Temporal worker identity and logs (npm start sets etl-1, etl-2, …). */
  WORKER_INSTANCE: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected letters, digits, dots, dashes or underscores')
    .optional(),
  /** On SIGTERM, running activities get this long to finish before they are cancelled; keep below the orchestrator's kill. */
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(25),
  /** Per worker process; blank keeps each service's own default (the data worker's is bounded by its pool). */
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).optional(),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(1).max(1000).optional(),
  /** Stooq's host (scheme, host and port only): the adapter appends its CSV download path `/q/d/l/`. */
  STOOQ_URL: hostUrl.default('https://stooq.com'),
  /** Stooq requests per second across every etl replica: one per activity on `etl-stooq`, enforced by Temporal. */
  STOOQ_REQUESTS_PER_SECOND: z.coerce.number().positive().default(1),
  /** Yahoo's chart API host (scheme, host and port only): the adapter appends `/v8/finance/chart/{symbol}`. */
  YAHOO_URL: hostUrl.default('https://query1.finance.yahoo.com'),
  /** Yahoo requests per second across every etl replica: one per activity on `etl-yahoo`, enforced by Temporal. */
  YAHOO_REQUESTS_PER_SECOND: z.coerce.number().positive().default(1),
  /**
   * Alpha Vantage's host (scheme, host and port only): the adapter appends `/query?function=TIME_SERIES_DAILY_ADJUSTED…`.
   * API keys (here and Tiingo's) are optional, so processes that never call the provider (the API, the data and
   * analysis workers, tests, the demo) run without them. An etl worker without the key warns at start, still serves
   * every other source, and fails an `alphavantage` run at once, when it plans it, non-retryably
   * (ProviderNotConfigured: "ALPHAVANTAGE_API_KEY is not set"); each symbol fetch checks it again, so nothing is
   * sent to the provider without a key.
   */
  ALPHAVANTAGE_URL: hostUrl.default('https://www.alphavantage.co'),
  ALPHAVANTAGE_API_KEY: z.string().min(1).optional(),
  /**
   * Alpha Vantage requests per second across every etl replica (one per activity on `etl-alphavantage`). The free
   * tier allows 5 a minute (and 25 a day, which no per-second rate can hold: a run over it is throttled and retried).
   */
  ALPHAVANTAGE_REQUESTS_PER_SECOND: z.coerce
    .number()
    .positive()
    .default(5 / 60),
  /** Tiingo's API host (scheme, host and port only): the adapter appends `/tiingo/daily/{ticker}/prices`. */
  TIINGO_URL: hostUrl.default('https://api.tiingo.com'),
  /** Sent as `Authorization: Token <key>`; optional like ALPHAVANTAGE_API_KEY, with the same failure when unset. */
  TIINGO_API_KEY: z.string().min(1).optional(),
  /** Tiingo requests per second across every etl replica (one per activity on `etl-tiingo`); free tier: 50 an hour. */
  TIINGO_REQUESTS_PER_SECOND: z.coerce
    .number()
    .positive()
    .default(50 / 3600),
  /** The providers `POST /v1/runs/prices {"source": "auto"}` tries for each symbol, first to last (comma-separated). */
  PRICE_PROVIDER_ORDER: providerOrder.default(['yahoo', 'stooq']),
  /** FRED's API host (scheme, host and port only): the adapter appends `/fred/series/observations`. */
  FRED_URL: hostUrl.default('https://api.stlouisfed.org'),
  /** FRED's API key (free at fred.stlouisfed.org); a macro run fails naming this variable when it is unset. */
  FRED_API_KEY: z.string().min(1).optional(),
  /** FRED requests per second across every etl replica: one per activity on `etl-fred` (FRED allows 120 a minute). */
  FRED_REQUESTS_PER_SECOND: z.coerce.number().positive().default(2),
  /** SEC's API host: `{SEC_URL}/api/xbrl/companyfacts/CIK##########.json`. */
  SEC_URL: url.default('https://data.sec.gov'),
  /** SEC's CIK ↔ ticker file; unset: www.sec.gov's for the real SEC, else `{SEC_URL}/files/company_tickers.json`. */
  SEC_TICKERS_URL: url.optional(),
  /** SEC refuses requests without a descriptive User-Agent: a name and a contact e-mail. */
  SEC_USER_AGENT: z.string().min(1).default('InvestByYourself iby-admin@example.com'),
  SEC_REQUESTS_PER_SECOND: z.coerce.number().positive().default(10),
  /** Longest CSV line accepted (1 MiB): bounds the etl worker's memory whatever the file holds. */
  MAX_LINE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  /** Where the local stack keeps Temporal's SQLite file, SeaweedFS volumes and logs. */
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

/** What `iby run|runs|watch|cancel|schedule` need to reach a running API; read apart from the server's variables. */
export const cliEnvSchema = z.object({
  IBY_API_URL: url.default('http://127.0.0.1:3000'),
  IBY_API_KEY: z.string().min(1).optional(),
});
