import { createObjectStore } from '../../../infra/s3';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { buildTestApp, type TestApp } from '../../test-support/test-app';
import { testConfig } from '../../test-support/test-config';

let database: TestDatabase;
let t: TestApp;
const config = testConfig({ API_OBJECT_URL_TTL_SECONDS: '300', S3_ENDPOINT: 'http://127.0.0.1:9' });

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query(
    `INSERT INTO ingestion_batches (workflow_id, batch_key, run_id, source, symbols, raw_objects, staged_key,
                                    staged_sha256, rejected_key, rows_read, rows_loaded, rows_rejected, rows_filtered,
                                    rows_inserted, rows_updated, rows_unchanged)
     VALUES ('prices-1', 'b0001', 'r1', 'csv', '{AAPL}', $1, 'staged/prices-1/b0001.csv', 'ab', 'rejected/b0001.csv',
             3, 2, 1, 0, 2, 0, 0),
            ('prices-1', 'b0002', 'r1', 'csv', '{MSFT}', '[]', 'staged/prices-1/b0002.csv', 'cd', NULL,
             1, 1, 0, 0, 1, 0, 0)`,
    [JSON.stringify([{ key: 'raw/csv/prices/2024-05-01/1f.csv', sha256: '1f', bytes: 90, origin: 'a.csv' }])],
  );
  t = await buildTestApp({ config, clients: { db: database.pool, s3: createObjectStore(config.s3) } });
});
afterAll(async () => {
  await t?.app.close();
  await database.drop();
});

const linkTo = (url: string) => {
  const parsed = new URL(url);
  return { path: parsed.pathname, expires: parsed.searchParams.get('X-Amz-Expires') };
};

describe('GET /v1/runs/:workflowId/batches', () => {
  it('lists the ledger batches with presigned links to their raw, staged and rejected objects', async () => {
    const res = await t.app.inject({ url: '/v1/runs/prices-1/batches' });
    expect(res.statusCode).toBe(200);
    type Links = { batchKey: string; stagedUrl: string; rejectedUrl: string | null; rawUrls: string[] };
    const [first, second] = res.json<{ batches: Links[] }>().batches;
    const bucket = `/${config.s3.bucket}`;
    expect(linkTo(first.stagedUrl)).toEqual({ path: `${bucket}/staged/prices-1/b0001.csv`, expires: '300' });
    expect(linkTo(first.rejectedUrl as string)).toEqual({ path: `${bucket}/rejected/b0001.csv`, expires: '300' });
    expect(first.rawUrls.map(linkTo)).toEqual([{ path: `${bucket}/raw/csv/prices/2024-05-01/1f.csv`, expires: '300' }]);
    expect(second.rejectedUrl).toBeNull();
    expect(second.rawUrls).toEqual([]);
    expect(second.batchKey).toBe('b0002');
  });
});
