/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { buildTestApp, type TestApp } from '../../test-support/test-app';
import { createTestRedis, type TestRedis } from '../../test-support/test-redis';

let database: TestDatabase;
let cache: TestRedis;
let t: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.pool.query(`INSERT INTO securities (symbol) VALUES ('EBAY'), ('BRK.B'), ('NONE')`);
  await database.pool.query(
    `INSERT INTO corporate_actions (symbol, ex_date, kind, ratio, cash_amount, source, status, reason, evidence,
       detected_by_run)
     VALUES ('EBAY', '2015-07-20', 'unexplained_move', 0.431, NULL, 'detector', 'suspected',
             'suspected_corporate_action',
             '{"previousDate": "2015-07-17", "previousClose": 66.29, "close": 28.57, "move": -0.569}', 'prices-1'),
            ('EBAY', '2015-03-02', 'dividend', NULL, 0.1, 'yahoo', 'recorded', NULL, NULL, 'prices-0'),
            ('BRK.B', '2010-01-21', 'split', 50, NULL, 'tiingo', 'recorded', NULL, NULL, NULL)`,
  );
  cache = createTestRedis();
  t = await buildTestApp({ clients: { db: database.pool, redis: cache.redis } });
});
afterAll(async () => {
  await t.app.close();
  await cache.cleanup();
  await database.drop();
});

const actions = (symbol: string) => t.app.inject({ method: 'GET', url: `/v1/securities/${symbol}/actions` });

describe('GET /v1/securities/{symbol}/actions', () => {
  it('lists recorded and suspected actions, oldest first, without an API key', async () => {
    const res = await actions('ebay');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.symbol).toBe('EBAY');
    expect(body.actions).toHaveLength(2);
    expect(body.actions[0]).toMatchObject({
      exDate: '2015-03-02',
      kind: 'dividend',
      status: 'recorded',
      cashAmount: 0.1,
    });
    expect(body.actions[1]).toEqual({
      exDate: '2015-07-20',
      kind: 'unexplained_move',
      status: 'suspected',
      ratio: 0.431,
      cashAmount: null,
      source: 'detector',
      reason: 'suspected_corporate_action',
      evidence: { previousDate: '2015-07-17', previousClose: 66.29, close: 28.57, move: -0.569 },
      firstSeen: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      detectedByRun: 'prices-1',
    });
  });

  it('answers an empty list for a known symbol without actions, and 404 for an unknown one', async () => {
    expect((await actions('BRK.B')).json().actions[0]).toMatchObject({ kind: 'split', ratio: 50 });
    const none = await actions('NONE');
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ symbol: 'NONE', actions: [] });
    const unknown = await actions('ZZZZ');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual({ error: 'not_found', message: 'no security with symbol ZZZZ' });
  });
});
