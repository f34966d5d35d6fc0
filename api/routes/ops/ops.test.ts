/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import type Redis from 'ioredis';
import { buildTestApp, fakeObjectStore, unusedPool, type TestApp } from '../../test-support/test-app';
import type { Pool } from 'pg';

const healthyPool = () =>
  ({ query: () => Promise.resolve({ rows: [{ '?column?': 1 }] }), end: () => Promise.resolve() }) as unknown as Pool;
const healthyRedis = () =>
  ({
    ping: () => Promise.resolve('PONG'),
    get: () => Promise.resolve(null),
    disconnect: () => undefined,
  }) as unknown as Redis;

let t: TestApp;
afterEach(() => t.app.close());

describe('GET /health', () => {
  it('answers ok even when every dependency is down', async () => {
    t = await buildTestApp();
    t.temporal.unavailable = true;
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /ready', () => {
  it('is ready when every dependency answers', async () => {
    t = await buildTestApp({ clients: { db: healthyPool(), redis: healthyRedis() } });
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ready');
    for (const name of ['temporal', 'postgres', 'redis', 's3']) {
      expect(body.checks[name]).toEqual({ ok: true, latencyMs: expect.any(Number) });
    }
  });

  it('is degraded (still 200) when only Redis is down', async () => {
    t = await buildTestApp({ clients: { db: healthyPool() } });
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('degraded');
    expect(res.json().checks.redis.ok).toBe(false);
    expect(res.json().checks.redis.error).toEqual(expect.any(String));
    expect(res.json().checks.postgres.ok).toBe(true);
  });

  it.each([
    ['temporal', { temporalDown: true }],
    ['postgres', { db: unusedPool() }],
    ['s3', { s3: fakeObjectStore(() => Promise.resolve(false)) }],
  ] as const)('is unavailable (503) when %s is down', async (name, setup) => {
    const db = 'db' in setup ? setup.db : healthyPool();
    const s3 = 's3' in setup ? setup.s3 : fakeObjectStore();
    t = await buildTestApp({ clients: { db, s3, redis: healthyRedis() } });
    t.temporal.unavailable = 'temporalDown' in setup;
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(503);
    const body = res.json();
    expect(body.status).toBe('unavailable');
    expect(body.checks[name].ok).toBe(false);
    const healthy = ['temporal', 'postgres', 'redis', 's3'].filter((n) => n !== name);
    expect(healthy.map((n) => body.checks[n].ok)).toEqual([true, true, true]);
  });
});

describe('GET /ready deadlines', () => {
  it('names a dependency that hangs as down once its probe deadline passes, and answers in time', async () => {
    const hungPool = { query: () => new Promise(() => undefined), end: () => Promise.resolve() } as unknown as Pool;
    t = await buildTestApp({ clients: { db: hungPool, s3: fakeObjectStore(), redis: healthyRedis() } });
    const started = performance.now();
    const res = await t.app.inject({ method: 'GET', url: '/ready' });
    const elapsed = performance.now() - started;
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.postgres).toEqual({
      ok: false,
      latencyMs: expect.any(Number),
      error: 'timed out after 2000 ms',
    });
    expect(res.json().checks.temporal.ok).toBe(true);
    // The probe never settles, so answering at all is the deadline at work; it must not answer before it.
    expect(elapsed).toBeGreaterThanOrEqual(1900);
  });
});

describe('GET /metrics', () => {
  it('exposes default metrics and request durations by route pattern and status', async () => {
    t = await buildTestApp();
    await t.app.inject({ method: 'GET', url: '/health' });
    await t.app.inject({ method: 'GET', url: '/v1/runs/prices-unknown' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('process_cpu_user_seconds_total');
    expect(res.body).toMatch(
      /iby_http_request_duration_seconds_count\{method="GET",route="\/health",status_code="200"\} 1/,
    );
    expect(res.body).toMatch(
      /iby_http_request_duration_seconds_count\{method="GET",route="\/v1\/runs\/:workflowId",status_code="404"\} 1/,
    );
  });
});

describe('errors', () => {
  it('answers an internal error with the generic 500 body and logs it, never the details', async () => {
    t = await buildTestApp();
    t.app.get('/boom', () => Promise.reject(new Error('password=hunter2 at db.internal:5432')));
    const logged: unknown[] = [];
    t.app.addHook('onError', (_request, _reply, err, done) => {
      logged.push(err);
      done();
    });
    const res = await t.app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: 'internal', message: 'internal error' });
    expect(res.body).not.toContain('hunter2');
    expect(logged).toHaveLength(1);
  });

  it('answers an unknown route with 404 not_found and bad JSON with 400', async () => {
    t = await buildTestApp();
    const missing = await t.app.inject({ method: 'GET', url: '/v1/nothing?x=1' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not_found', message: 'no route for GET /v1/nothing' });
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/v1/runs/prices',
      headers: { 'x-api-key': 'test-key-1', 'content-type': 'application/json' },
      payload: '{"source":',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error).toBe('bad_request');
  });
});

describe('GET /docs', () => {
  it('publishes an OpenAPI document listing every route with its schemas', async () => {
    t = await buildTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/health',
      '/metrics',
      '/ready',
      '/v1/companies/{cik}/fundamentals',
      '/v1/macro/{series}',
      '/v1/providers',
      '/v1/runs',
      '/v1/runs/analysis',
      '/v1/runs/fundamentals',
      '/v1/runs/macro',
      '/v1/runs/pipeline',
      '/v1/runs/prices',
      '/v1/runs/{workflowId}',
      '/v1/runs/{workflowId}/batches',
      '/v1/runs/{workflowId}/cancel',
      '/v1/schedules',
      '/v1/schedules/default',
      '/v1/schedules/pause-all',
      '/v1/schedules/unpause-all',
      '/v1/schedules/{id}',
      '/v1/schedules/{id}/backfill',
      '/v1/schedules/{id}/pause',
      '/v1/schedules/{id}/trigger',
      '/v1/schedules/{id}/unpause',
      '/v1/securities',
      '/v1/securities/{symbol}/actions',
      '/v1/securities/{symbol}/analysis',
      '/v1/securities/{symbol}/charts/{name}.svg',
      '/v1/securities/{symbol}/fundamentals',
      '/v1/securities/{symbol}/prices',
      '/v1/securities/{symbol}/report',
    ]);
    const start = doc.paths['/v1/runs/prices'].post;
    expect(start.security).toEqual([{ apiKey: [] }]);
    expect(start.requestBody.content['application/json'].schema.properties.source.enum).toEqual([
      'csv',
      'stooq',
      'yahoo',
      'alphavantage',
      'tiingo',
      'auto',
    ]);
    expect(Object.keys(start.responses).sort()).toEqual([
      '200',
      '202',
      '400',
      '401',
      '413',
      '415',
      '429',
      '500',
      '503',
    ]);
    expect(start.operationId).toBe('postRunsPrices');
    expect(
      doc.paths['/v1/securities/{symbol}/prices'].get.responses['200'].content['application/json'].schema.properties
        .bars.type,
    ).toBe('array');
    expect(doc.components.securitySchemes.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });

    const ui = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
  });
});
