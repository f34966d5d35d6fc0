import { Pool, types } from 'pg';
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

/**
 * `temp_buffers` is raised so a batch's staging table (COPY target of the load) stays in memory; the default 8 MB
 * spills a 50-symbol batch to disk. It is a ceiling, allocated only by sessions that use temporary tables.
 */
export function createPool(url: string, max = 10, settings: PoolSettings = {}): Pool {
  const options = ['-c temp_buffers=64MB'];
  if (settings.statementTimeoutMs !== undefined) options.push(`-c statement_timeout=${settings.statementTimeoutMs}`);
  if (settings.idleInTransactionTimeoutMs !== undefined)
    options.push(`-c idle_in_transaction_session_timeout=${settings.idleInTransactionTimeoutMs}`);
  return new Pool({
    connectionString: url,
    max,
    application_name: settings.applicationName ?? 'iby',
    options: options.join(' '),
  });
}
