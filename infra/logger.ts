import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout, one logger per process, named after the service. */
export function createLogger(service: string, level = 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
