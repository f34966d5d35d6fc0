import type { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createPool, type DbFaultLogger } from './pool';

let db: TestDatabase;
let pool: Pool;
const warnings: { details: object; message: string }[] = [];
const logger: DbFaultLogger = { warn: (details, message) => warnings.push({ details, message }) };

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
beforeEach(() => {
  warnings.length = 0;
  pool = createPool(db.url, 2, { logger });
});
afterEach(() => pool.end());

const backendPid = async (client: { query: Pool['query'] }): Promise<number> =>
  (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;

const terminate = (pid: number) => db.pool.query('SELECT pg_terminate_backend($1)', [pid]);

const until = async (check: () => boolean, ms = 3000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('createPool', () => {
  it('survives the server closing an idle pooled connection, logs it, and serves the next query', async () => {
    const pid = await backendPid(pool);
    await terminate(pid);
    await until(() => warnings.length > 0);
    expect(warnings[0].message).toBe('postgres connection lost');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].details).toMatchObject({ where: 'pooled client', err: { code: '57P01' } });
    expect(await backendPid(pool)).not.toBe(pid);
  });

  it('survives the server closing a checked-out connection: the query rejects, the process lives', async () => {
    const client = await pool.connect();
    const pid = await backendPid(client);
    await terminate(pid);
    await until(() => warnings.length > 0);
    expect(warnings[0].details).toMatchObject({ where: 'pooled client' });
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    expect((await pool.query<{ one: number }>('SELECT 1 AS one')).rows[0].one).toBe(1);
  });
});
