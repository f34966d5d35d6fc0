import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import type { PriceProvider } from '../contracts/providers';
import { envSchema, type Env } from './schema';

export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
export const DEMO_DATA_DIR = path.join(PROJECT_ROOT, 'node_modules', 'vega-datasets', 'data');

export interface Config {
  temporal: {
    address: string;
    namespace: string;
    uiPort: number;
    uiUrl: string;
    /** Set for Temporal Cloud API-key auth; sent as a bearer token over TLS. */
    apiKey?: string;
    /** Present when the connection uses TLS (a CA, a client certificate, an API key, or TEMPORAL_TLS=true). */
    tls?: TemporalTls;
  };
  db: {
    url: string;
    poolMax: number;
    statementTimeoutMs: number;
    idleInTransactionTimeoutMs: number;
    migrateOnStart: boolean;
    /** Blank: each service names itself. */
    applicationName?: string;
  };
  redis: { url: string; commandTimeoutMs: number };
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string; region: string };
  api: {
    host: string;
    port: number;
    keys: string[];
    /** sha256 hex digests (lower case) of every accepted key: API_KEYS hashed plus API_KEY_HASHES. */
    keyHashes: string[];
    protectReads: boolean;
    rateLimitPerMinute: number;
    bodyLimitBytes: number;
    corsOrigins: string[];
    objectUrlTtlSeconds: number;
    importRoots: string[];
    runReadTimeoutMs: number;
  };
  workers: { etl: { port: number }; data: { port: number }; analysis: { port: number } };
  /** How many processes of each worker service the local stack runs. */
  replicas: Record<WorkerService, number>;
  /** Settings of this worker process. */
  worker: {
    instance?: string;
    shutdownGraceSeconds: number;
    maxConcurrentActivities?: number;
    maxConcurrentWorkflowTasks?: number;
  };
  stooq: { url: string; requestsPerSecond: number };
  yahoo: { url: string; requestsPerSecond: number };
  /** `apiKey` absent: the etl worker refuses alphavantage runs (ProviderNotConfigured), other processes never need it. */
  alphavantage: { url: string; requestsPerSecond: number; apiKey?: string };
  tiingo: { url: string; requestsPerSecond: number; apiKey?: string };
  /** PRICE_PROVIDER_ORDER: the providers a `source: "auto"` run tries for each symbol, first to last. */
  priceProviderOrder: PriceProvider[];
  /** FRED macro series; `apiKey` is undefined until FRED_API_KEY is set. */
  fred: { url: string; apiKey?: string; requestsPerSecond: number };
  sec: { url: string; tickersUrl: string; userAgent: string; requestsPerSecond: number };
  /** Longest CSV line the etl worker reads; longer ones fail their file (LineTooLong) instead of using memory. */
  maxLineBytes: number;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
}

export type WorkerService = 'etl' | 'data' | 'analysis';

export interface TemporalTls {
  clientCertPath?: string;
  clientKeyPath?: string;
  serverCaCertPath?: string;
  serverName?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads `.env` from the project root, if present; real environment variables win over it. */
export function readEnvFile(root = PROJECT_ROOT): Record<string, string> {
  const file = path.join(root, '.env');
  return fs.existsSync(file) ? dotenv.parse(fs.readFileSync(file)) : {};
}

/** Validates every variable at once and throws one ConfigError naming each bad one. */
export function loadConfig(env: NodeJS.ProcessEnv = { ...readEnvFile(), ...process.env }): Config {
  const parsed = envSchema.safeParse(blanksAsUnset(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  return {
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      uiPort: e.TEMPORAL_UI_PORT,
      uiUrl: (e.TEMPORAL_UI_URL ?? `http://127.0.0.1:${e.TEMPORAL_UI_PORT}`).replace(/\/$/, ''),
      apiKey: e.TEMPORAL_API_KEY,
      tls: temporalTls(e),
    },
    db: {
      url: e.DATABASE_URL,
      poolMax: e.DB_POOL_MAX,
      statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
      migrateOnStart: e.DB_MIGRATE_ON_START === 'true',
      applicationName: e.DB_APPLICATION_NAME,
    },
    redis: { url: e.REDIS_URL, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS },
    s3: {
      endpoint: e.S3_ENDPOINT,
      accessKey: e.S3_ACCESS_KEY,
      secretKey: e.S3_SECRET_KEY,
      bucket: e.S3_BUCKET,
      region: e.S3_REGION,
    },
    api: {
      host: e.API_HOST,
      port: e.API_PORT,
      keys: e.API_KEYS,
      keyHashes: [...e.API_KEYS.map(sha256Hex), ...e.API_KEY_HASHES.map((h) => h.toLowerCase())],
      protectReads: e.API_PROTECT_READS,
      rateLimitPerMinute: e.API_RATE_LIMIT_PER_MINUTE,
      bodyLimitBytes: e.API_BODY_LIMIT_BYTES,
      corsOrigins: e.API_CORS_ORIGINS,
      objectUrlTtlSeconds: e.API_OBJECT_URL_TTL_SECONDS,
      // The bundled demo data stays importable whatever the user adds: npm start's first run loads it.
      importRoots: [...new Set([...e.IMPORT_ROOTS, DEMO_DATA_DIR].map((p) => path.resolve(PROJECT_ROOT, p)))],
      runReadTimeoutMs: e.API_RUN_READ_TIMEOUT_MS,
    },
    workers: {
      etl: { port: e.ETL_WORKER_PORT },
      data: { port: e.DATA_WORKER_PORT },
      analysis: { port: e.ANALYSIS_WORKER_PORT },
    },
    replicas: { etl: e.ETL_WORKER_REPLICAS, data: e.DATA_WORKER_REPLICAS, analysis: e.ANALYSIS_WORKER_REPLICAS },
    worker: {
      instance: e.WORKER_INSTANCE,
      shutdownGraceSeconds: e.WORKER_SHUTDOWN_GRACE_SECONDS,
      maxConcurrentActivities: e.WORKER_MAX_CONCURRENT_ACTIVITIES,
      maxConcurrentWorkflowTasks: e.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    },
    stooq: { url: e.STOOQ_URL, requestsPerSecond: e.STOOQ_REQUESTS_PER_SECOND },
    yahoo: { url: e.YAHOO_URL, requestsPerSecond: e.YAHOO_REQUESTS_PER_SECOND },
    alphavantage: {
      url: e.ALPHAVANTAGE_URL,
      requestsPerSecond: e.ALPHAVANTAGE_REQUESTS_PER_SECOND,
      apiKey: e.ALPHAVANTAGE_API_KEY,
    },
    tiingo: { url: e.TIINGO_URL, requestsPerSecond: e.TIINGO_REQUESTS_PER_SECOND, apiKey: e.TIINGO_API_KEY },
    priceProviderOrder: e.PRICE_PROVIDER_ORDER,
    fred: { url: e.FRED_URL, apiKey: e.FRED_API_KEY, requestsPerSecond: e.FRED_REQUESTS_PER_SECOND },
    sec: {
      url: e.SEC_URL,
      tickersUrl: e.SEC_TICKERS_URL ?? secTickersUrl(e.SEC_URL),
      userAgent: e.SEC_USER_AGENT,
      requestsPerSecond: e.SEC_REQUESTS_PER_SECOND,
    },
    maxLineBytes: e.MAX_LINE_BYTES,
    dataDir: path.resolve(PROJECT_ROOT, e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
  };
}

/** TLS is on when anything TLS-related is set; a client certificate needs its key and the other way round. */
function temporalTls(e: Env): TemporalTls | undefined {
  const tls = {
    clientCertPath: e.TEMPORAL_TLS_CLIENT_CERT_PATH,
    clientKeyPath: e.TEMPORAL_TLS_CLIENT_KEY_PATH,
    serverCaCertPath: e.TEMPORAL_TLS_SERVER_CA_CERT_PATH,
    serverName: e.TEMPORAL_TLS_SERVER_NAME,
  };
  if (!!tls.clientCertPath !== !!tls.clientKeyPath) {
    throw new ConfigError(['TEMPORAL_TLS_CLIENT_CERT_PATH / TEMPORAL_TLS_CLIENT_KEY_PATH: set both (mTLS) or neither']);
  }
  const wanted = e.TEMPORAL_TLS === 'true' || !!e.TEMPORAL_API_KEY || Object.values(tls).some(Boolean);
  return e.TEMPORAL_TLS === 'false' || !wanted ? undefined : tls;
}

const sha256Hex = (value: string): string => createHash('sha256').update(value).digest('hex');

// The real SEC serves the API from data.sec.gov and the tickers file from www.sec.gov; a mirror serves both.
function secTickersUrl(secUrl: string): string {
  const base = new URL(secUrl).host === 'data.sec.gov' ? 'https://www.sec.gov' : secUrl.replace(/\/+$/, '');
  return `${base}/files/company_tickers.json`;
}

function blanksAsUnset(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => !!kv[1]?.trim()));
}
