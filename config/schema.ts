import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);
const url = z.string().url();

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
  DATABASE_URL: url.default('postgres://postgres@127.0.0.1:5432/iby'),
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
  /** Folders the API may import files from, besides the bundled demo data, which is always importable. */
  IMPORT_ROOTS: csv.default([]),
  /** How long a run read (`GET /v1/runs…`) waits for Temporal before answering 503. */
  API_RUN_READ_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  ETL_WORKER_PORT: port.default(8000),
  ANALYSIS_WORKER_PORT: port.default(8001),
  DATA_WORKER_PORT: port.default(8002),
  STOOQ_URL: url.default('https://stooq.com/q/d/l/'),
  STOOQ_REQUESTS_PER_SECOND: z.coerce.number().positive().default(1),
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
