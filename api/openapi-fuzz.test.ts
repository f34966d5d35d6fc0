import { createTestDatabase, type TestDatabase } from '../test/support/test-database';
import { fuzzApi, operationsOf, type OpenApiDocument } from './test-support/openapi-fuzz';
import { buildTestApp, type TestApp } from './test-support/test-app';
import { TEST_API_KEY, testConfig } from './test-support/test-config';
import { createTestRedis, type TestRedis } from './test-support/test-redis';

// Seeded so a failure reproduces; FC_SEED explores other inputs.
const SEED = Number(process.env.FC_SEED ?? 90_210);

let database: TestDatabase;
let redis: TestRedis;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query(`INSERT INTO securities (symbol, name, exchange) VALUES ('AAPL', 'Apple Inc.', 'NASDAQ')`);
  await database.pool
    .query(`INSERT INTO price_bars (symbol, date, open, high, low, close, adj_close, volume, flags, source, workflow_id)
    VALUES ('AAPL', '2018-02-05', 159.1, 163.88, 156, 156.49, NULL, 72738522, '{}', 'csv', 'w1')`);
  redis = createTestRedis();
  // The limit is the edge's own concern (tested apart); here it would only turn the fuzz into 429s.
  t = await buildTestApp({
    config: testConfig({ API_RATE_LIMIT_PER_MINUTE: '1000000' }),
    clients: { db: database.pool, redis: redis.redis },
  });
  t.temporal.add({ workflowId: 'prices-known', status: 'RUNNING' });
});
afterAll(async () => {
  await t.app.close();
  await redis.cleanup();
  await database.drop();
});

const documentOf = async (): Promise<OpenApiDocument> =>
  (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();

describe('the API against its own OpenAPI document', () => {
  it('gives every operation an operationId, unique across the document', async () => {
    const ids = operationsOf(await documentOf()).map((op) => op.operation.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers generated requests with no 5xx, no undocumented status, and bodies that match their schemas', async () => {
    const doc = await documentOf();
    const seen = await fuzzApi(t.app, doc, { apiKey: TEST_API_KEY, seed: SEED, runsPerOperation: 100 });
    // The fuzz reaches past validation: every operation without a body answered other than 400/401 at least once
    // (a body must also pass rules a schema cannot state, such as an existing import file, so it rarely does).
    for (const op of operationsOf(doc).filter((o) => !o.operation.requestBody)) {
      const id = op.operation.operationId ?? '';
      expect([id, seen.get(id)?.some((s) => s !== 400 && s !== 401)]).toEqual([id, true]);
    }
    expect(seen.size).toBe(operationsOf(doc).length);
  }, 120_000);

  it('answers 405 with Allow for every method a documented path lacks', async () => {
    const doc = await documentOf();
    const patterns = Object.entries(doc.paths).map(([path, item]) => ({
      pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      methods: Object.keys(item),
    }));
    // `/v1/runs/prices` is also `/v1/runs/{workflowId}`: a method counts as declared if any matching path has it.
    const declared = (method: string, url: string) =>
      patterns.some((p) => p.pattern.test(url) && p.methods.includes(method.toLowerCase()));
    for (const path of Object.keys(doc.paths)) {
      const url = path.replace(/\{[^}]+\}/g, 'x');
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        if (declared(method, url)) continue;
        const res = await t.app.inject({ method, url, headers: { 'x-api-key': TEST_API_KEY } });
        expect([method, url, res.statusCode]).toEqual([method, url, 405]);
        expect(res.headers.allow).toBeTruthy();
      }
    }
  });
});
