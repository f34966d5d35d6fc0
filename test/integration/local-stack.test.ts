import { randomBytes } from 'node:crypto';
import { Connection } from '@temporalio/client';
import { loadConfig } from '../../config';
import { SEARCH_ATTRIBUTES } from '../../contracts';
import { createObjectStore } from '../../infra/s3';
import { createTestDatabase } from '../support/test-database';

// Proves the global setup: its servers answer on their own ports, and each test file gets its own database.
describe('integration test stack', () => {
  const config = loadConfig();

  it('runs on ports of its own, not those of npm start', () => {
    expect(config.temporal.address).not.toBe('127.0.0.1:7233');
    expect(new URL(config.s3.endpoint).port).not.toBe('8333');
    expect(config.s3.bucket).toMatch(/^iby-test-/);
  });

  it('serves S3 on its bucket: what is put comes back', async () => {
    const { client, bucket } = createObjectStore(config.s3);
    const key = `roundtrip/${randomBytes(4).toString('hex')}.txt`;
    const body = `hello ${key}`;
    await client.putObject(bucket, key, Buffer.from(body));
    const chunks: Buffer[] = [];
    for await (const chunk of await client.getObject(bucket, key)) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe(body);
    await client.removeObject(bucket, key);
  });

  it('runs a Temporal server with the custom search attributes registered', async () => {
    const connection = await Connection.connect({ address: config.temporal.address });
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toMatch(/^\d+\.\d+/);
      const attributes = await connection.operatorService.listSearchAttributes({
        namespace: config.temporal.namespace,
      });
      for (const key of Object.values(SEARCH_ATTRIBUTES)) {
        expect(Object.keys(attributes.customAttributes ?? {})).toContain(key.name);
      }
    } finally {
      await connection.close();
    }
  });

  it('gives each caller a migrated database and drops it afterwards', async () => {
    const database = await createTestDatabase();
    const name = new URL(database.url).pathname.slice(1);
    expect(name).toMatch(/^iby_test_/);
    const tables = await database.pool.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      expect.arrayContaining(['ingestion_batches', 'ingestion_runs', 'price_bars', 'schema_migrations', 'securities']),
    );
    await database.drop();

    const other = await createTestDatabase();
    try {
      const left = await other.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      expect(left.rowCount).toBe(0);
    } finally {
      await other.drop();
    }
  });
});
