import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Fields that hold secrets, up to three levels deep, and the credentials of request headers. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  ...['password', 'apiKey', 'api_key', 'secret', 'secretKey', 'token', 'accessKey'].flatMap((k) => [
    k,
    `*.${k}`,
    `*.*.${k}`,
  ]),
];

// `scheme://user:password@host` → `scheme://user:***@host`; also `?apikey=…`-style query parameters.
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)[^@/?#\s]+@/gi;
const SECRET_PARAM = /([?&](?:api[_-]?key|apikey|token|access[_-]?token|password|secret)=)[^&#\s"]+/gi;

export function redactSecrets(text: string): string {
  return text.replace(URL_PASSWORD, '$1***@').replace(SECRET_PARAM, '$1***');
}

/** Strings anywhere in a log object (to a small depth), with credentials in URLs masked. */
function redactStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (depth > 3 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactStrings(v, depth + 1));
  // Only plain data: requests, replies and errors are left to their serializers, which read their getters.
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactStrings(v, depth + 1)]));
}

/**
 * Structured JSON logs on stdout, one logger per process, named after the service. Secrets are masked by field
 * name and, in any string, as URL credentials — a connection string in an error message must not reach the logs.
 */
export function createLogger(service: string, level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      name: service,
      level,
      base: { service, pid: process.pid },
      redact: { paths: REDACTED_PATHS, censor: '***' },
      formatters: { log: (object) => redactStrings(object) as Record<string, unknown> },
      serializers: {
        err: (err: Error) => {
          const serialized = pino.stdSerializers.err(err);
          return { ...serialized, message: redactSecrets(serialized.message), stack: redactSecrets(serialized.stack) };
        },
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg)) as Parameters<typeof method>,
          );
        },
      },
    },
    destination,
  );
}
