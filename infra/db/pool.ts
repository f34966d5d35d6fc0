import { Pool, types } from 'pg';

// DATE columns come back as 'YYYY-MM-DD' strings: a calendar date has no time zone to shift it.
types.setTypeParser(types.builtins.DATE, (value) => value);
// bigint volumes fit comfortably in a double.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

/**
 * `temp_buffers` is raised so a batch's staging table (COPY target of the load) stays in memory; the default 8 MB
 * spills a 50-symbol batch to disk. It is a ceiling, allocated only by sessions that use temporary tables.
 */
export function createPool(url: string, max = 10): Pool {
  return new Pool({ connectionString: url, max, application_name: 'iby', options: '-c temp_buffers=64MB' });
}
