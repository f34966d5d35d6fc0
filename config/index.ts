import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { envSchema, type Env } from './schema';

export const PROJECT_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
export const DEMO_DATA_DIR = path.join(PROJECT_ROOT, 'node_modules', 'vega-datasets', 'data');

export interface Config {
  temporal: { address: string; namespace: string; uiPort: number; uiUrl: string };
  db: { url: string };
  redis: { url: string; commandTimeoutMs: number };
  s3: { endpoint: string; accessKey: string; secretKey: string; bucket: string; region: string };
  api: { host: string; port: number; keys: string[]; importRoots: string[]; runReadTimeoutMs: number };
  workers: { etl: { port: number }; data: { port: number }; analysis: { port: number } };
  stooq: { url: string; requestsPerSecond: number };
  /** Longest CSV line the etl worker reads; longer ones fail their file (LineTooLong) instead of using memory. */
  maxLineBytes: number;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
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
    },
    db: { url: e.DATABASE_URL },
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
      // The bundled demo data stays importable whatever the user adds: npm start's first run loads it.
      importRoots: [...new Set([...e.IMPORT_ROOTS, DEMO_DATA_DIR].map((p) => path.resolve(PROJECT_ROOT, p)))],
      runReadTimeoutMs: e.API_RUN_READ_TIMEOUT_MS,
    },
    workers: {
      etl: { port: e.ETL_WORKER_PORT },
      data: { port: e.DATA_WORKER_PORT },
      analysis: { port: e.ANALYSIS_WORKER_PORT },
    },
    stooq: { url: e.STOOQ_URL, requestsPerSecond: e.STOOQ_REQUESTS_PER_SECOND },
    maxLineBytes: e.MAX_LINE_BYTES,
    dataDir: path.resolve(PROJECT_ROOT, e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
  };
}

function blanksAsUnset(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((kv): kv is [string, string] => !!kv[1]?.trim()));
}
