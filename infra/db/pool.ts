import { Pool, types, type ClientBase, type PoolClient } from 'pg';
import type { Config } from '../../config';

// DATE columns come back as 'YYYY-MM-DD' strings: a calendar date has no time zone to shift it.
types.setTypeParser(types.builtins.DATE, (value) => value);
// bigint volumes fit comfortably in a double.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/** Per-session settings: who we are in pg_stat_activity, and server-side limits (0 = none). */
export interface PoolSettings {
  applicationName?: string;
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

/** The configured settings, named after the service unless DB_APPLICATION_NAME says otherwise. */
export function poolSettings(db: Config['db'], service: string): PoolSettings {
  return {
    applicationName: db.applicationName ?? `iby-${service}`,
    statementTimeoutMs: db.statementTimeoutMs,
    idleInTransactionTimeoutMs: db.idleInTransactionTimeoutMs,
  };
}

/** Where a connection fault is reported; a pino logger fits. */
export interface DbFaultLogger {
  warn(details: object, message: string): void;
}

export interface PoolOptions {
  /** Gets every connection fault (a restarted or unreachable server); without it they go to stderr. */
  logger?: DbFaultLogger;
}

const stderrLogger: DbFaultLogger = {
  warn: (details, message) => process.stderr.write(`${JSON.stringify({ level: 'warn', message, ...details })}\n`),
};

/**
 * `temp_buffers` is raised so a batch's staging table (COPY target of the load) stays in memory; the default 8 MB
 * spills a 50-symbol batch to disk. It is a ceiling, allocated only by sessions that use temporary tables.
 *
 * A `pg` client emits `error` when its server goes away (`Connection terminated unexpectedly`), idle in the pool
 * or checked out; an `error` event without a listener kills the process. The pool's own listener covers idle
 * clients, and every client gets one when it connects, so a checked-out client (a COPY in progress) is covered
 * too: its pending query rejects, which is where the caller sees the fault and Temporal retries.
 */
export function createPool(url: string, max = 10, settings: PoolSettings & PoolOptions = {}): Pool {
  const logger = settings.logger ?? stderrLogger;
  const options = ['-c temp_buffers=64MB'];
  if (settings.statementTimeoutMs !== undefined) options.push(`-c statement_timeout=${settings.statementTimeoutMs}`);
  if (settings.idleInTransactionTimeoutMs !== undefined)
    options.push(`-c idle_in_transaction_session_timeout=${settings.idleInTransactionTimeoutMs}`);
  const pool = new Pool({
    connectionString: url,
    max,
    application_name: settings.applicationName ?? 'iby',
    options: options.join(' '),
  });
  // The pool re-emits an idle client's error; the client's own listener has logged it already.
  pool.on('error', () => undefined);
  pool.on('connect', (client: PoolClient) => watchClient(client, logger, 'pooled client'));
  return pool;
}

/** Adds the error listener a client needs to survive its server going away. */
export function watchClient(
  client: Pick<ClientBase, 'on'>,
  logger: DbFaultLogger = stderrLogger,
  where = 'client',
): void {
  client.on('error', (err: Error) => logger.warn({ err: describe(err), where }, 'postgres connection lost'));
}

function describe(err: Error): { message: string; code?: string } {
  return { message: err.message, code: (err as { code?: string }).code };
}
