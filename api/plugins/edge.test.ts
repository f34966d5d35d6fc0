/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import { createHash } from 'node:crypto';
import { REQUEST_ID_MEMO_KEY } from '../../infra/telemetry/request-id-keys';
import { buildTestApp, type TestApp } from '../test-support/test-app';
import { TEST_API_KEY, testConfig } from '../test-support/test-config';
import { createTestRedis, type TestRedis } from '../test-support/test-redis';

let t: TestApp;
afterEach(() => t?.app.close());

const key = { 'x-api-key': TEST_API_KEY };
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('authentication is the default', () => {
  it('protects a write route added after the app without it asking, and lets a public one opt out', async () => {
    t = await buildTestApp();
    t.app.post('/v1/widgets', () => ({ made: true }));
    t.app.post('/v1/hooks', { config: { public: true } }, () => ({ received: true }));
    t.app.get('/v1/schedules/x', () => ({ id: 'x' }));
    t.app.get('/v1/gadgets', () => ({ gadgets: [] }));

    expect((await t.app.inject({ method: 'POST', url: '/v1/widgets' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/v1/widgets', headers: key })).json()).toEqual({ made: true });
    expect((await t.app.inject({ method: 'POST', url: '/v1/hooks' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/v1/schedules/x' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/gadgets' })).statusCode).toBe(200);

    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.paths['/v1/widgets'].post.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/v1/widgets'].post.operationId).toBe('postWidgets');
    expect(Object.keys(doc.paths['/v1/widgets'].post.responses)).toEqual(
      expect.arrayContaining(['400', '401', '413', '415', '429', '500', '503']),
    );
    expect(doc.paths['/v1/hooks'].post.security).toBeUndefined();
    expect(Object.keys(doc.paths['/v1/hooks'].post.responses)).not.toContain('401');
  });

  it('accepts keys configured only as sha256 digests, and no other', async () => {
    t = await buildTestApp({ config: testConfig({ API_KEYS: 'plain', API_KEY_HASHES: sha256('hashed-secret') }) });
    const start = (apiKey: string) =>
      t.app.inject({ method: 'POST', url: '/v1/runs/x/cancel', headers: { 'x-api-key': apiKey } });
    expect((await start('hashed-secret')).statusCode).toBe(404);
    expect((await start('plain')).statusCode).toBe(404);
    expect((await start(sha256('hashed-secret'))).statusCode).toBe(401);
  });

  it('protects reads under /v1 when API_PROTECT_READS is set, never the ops routes', async () => {
    t = await buildTestApp({ config: testConfig({ API_PROTECT_READS: 'true' }) });
    expect((await t.app.inject({ method: 'GET', url: '/v1/runs' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/v1/runs', headers: key })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'HEAD', url: '/v1/runs' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });
});

describe('rate limit', () => {
  const hammer = async (n: number, headers: Record<string, string> = {}) => {
    const codes: number[] = [];
    for (let i = 0; i < n; i++) codes.push((await t.app.inject({ method: 'GET', url: '/health', headers })).statusCode);
    return codes;
  };

  it('answers 429 with Retry-After past API_RATE_LIMIT_PER_MINUTE, counting in memory while Redis is down', async () => {
    t = await buildTestApp({ config: testConfig({ API_RATE_LIMIT_PER_MINUTE: '3' }) });
    expect(await hammer(3)).toEqual([200, 200, 200]);
    const limited = await t.app.inject({ method: 'GET', url: '/health' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.json()).toMatchObject({ error: 'rate_limited' });
    // A client with a valid key is a client of its own.
    expect(await hammer(1, key)).toEqual([200]);
  });

  describe('with Redis up', () => {
    let redis: TestRedis;
    beforeEach(() => {
      redis = createTestRedis();
    });
    afterEach(() => redis.cleanup());

    it('counts in Redis, so two API replicas share one limit', async () => {
      const config = testConfig({ API_RATE_LIMIT_PER_MINUTE: '4' });
      t = await buildTestApp({ config, clients: { redis: redis.redis } });
      const other = await buildTestApp({ config, clients: { redis: redis.redis } });
      try {
        await redis.redis.ping();
        expect(await hammer(2)).toEqual([200, 200]);
        const elsewhere = async () => (await other.app.inject({ method: 'GET', url: '/health' })).statusCode;
        expect([await elsewhere(), await elsewhere(), await elsewhere()]).toEqual([200, 200, 429]);
        expect(await redis.raw.keys(`${redis.prefix}iby:rate-limit:*`)).toHaveLength(1);
      } finally {
        await other.app.close();
      }
    });
  });
});

describe('the edge', () => {
  it('answers 405 with Allow for a method a known path does not have, 404 for an unknown path', async () => {
    t = await buildTestApp();
    const res = await t.app.inject({ method: 'DELETE', url: '/v1/runs' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.json()).toEqual({ error: 'method_not_allowed', message: 'DELETE is not allowed on /v1/runs' });
    const put = await t.app.inject({ method: 'PUT', url: '/v1/runs/abc/cancel' });
    expect(put.headers.allow).toBe('POST');
    expect((await t.app.inject({ method: 'GET', url: '/v1/nothing' })).statusCode).toBe(404);
  });

  it('refuses bodies over API_BODY_LIMIT_BYTES with 413', async () => {
    t = await buildTestApp({ config: testConfig({ API_BODY_LIMIT_BYTES: '2048' }) });
    const symbols = Array.from({ length: 400 }, (_, i) => `S${i}`);
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/runs/prices',
      headers: key,
      payload: { source: 'stooq', symbols },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('payload_too_large');
  });

  it('sends security headers, a CSP that lets /docs load, and no CORS unless configured', async () => {
    t = await buildTestApp();
    const docs = await t.app.inject({ method: 'GET', url: '/docs/', headers: { origin: 'https://evil.example' } });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(docs.headers['access-control-allow-origin']).toBeUndefined();

    // JSON is data: the headers that govern rendered documents stay off it, errors included.
    for (const url of ['/health', '/v1/nothing']) {
      const json = await t.app.inject({ method: 'GET', url });
      expect(json.headers['content-type']).toMatch(/^application\/json/);
      expect(json.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(json.headers['x-content-type-options']).toBe('nosniff');
      expect(json.headers['strict-transport-security']).toContain('max-age=');
      expect(json.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(json.headers['x-frame-options']).toBeUndefined();
    }
    await t.app.close();

    t = await buildTestApp({ config: testConfig({ API_CORS_ORIGINS: 'https://dash.example' }) });
    const allowed = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://dash.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://dash.example');
    const other = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('echoes a request id (keeping a valid incoming one) and carries it into the memo of the run it starts', async () => {
    t = await buildTestApp();
    const fresh = await t.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'not-a-uuid' } });
    expect(fresh.headers['x-request-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );

    const requestId = '0b6f7a52-2d4e-4d8a-9a43-0b7b3c1e9f10';
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/runs/prices',
      headers: { ...key, 'x-request-id': requestId },
      payload: { source: 'stooq', symbols: ['AAPL'] },
    });
    expect(res.statusCode).toBe(202);
    expect(res.headers['x-request-id']).toBe(requestId);
    const run = t.temporal.runs.get(res.json().workflowId as string);
    expect(run?.memo?.[REQUEST_ID_MEMO_KEY]).toBe(requestId);
    expect(run?.memo?.summary).toContain('AAPL');

    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/iby_workflow_starts_total\{kind="prices"\} 1/);
  });
});
