import { Pool, types } from 'pg';

// DATE columns come back as 'YYYY-MM-DD' strings: a calendar date has no time zone to shift it.
types.setTypeParser(types.builtins.DATE, (value) => value);
// bigint volumes fit comfortably in a double.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

export function createPool(url: string, max = 10): Pool {
  return new Pool({ connectionString: url, max, application_name: 'iby' });
}
