import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import pino from 'pino';
import { bumpVersions, type VersionedEntry } from '../infra/cache';
import { replyCachedJson } from './cached-json';
import { buildTestApp, type TestApp } from './test-support/test-app';
import { testConfig } from './test-support/test-config';
import { createTestRedis, type TestRedis } from './test-support/test-redis';

/**
 * The edge cache against the real app, over real HTTP (inject() calls Fastify's handler, past the edge), with real
 * Redis: a test route reads through the cache like the securities routes, and counts how often Fastify runs it.
 */
const VERSION_KEY = 'edge-test:version';
const entryOf = (name: string): VersionedEntry => ({
  versionKey: VERSION_KEY,
  keyAt: (version) => `edge-test:${name}:v${version}`,
  ttlSeconds: 60,
});

let redis: TestRedis;
let t: TestApp;
let base: string;
let routed: number;
let loads: number;

async function start(env: Record<string, string> = {}, server = {}): Promise<void> {
  t = await buildTestApp({ config: testConfig(env), clients: { redis: redis.redis }, server });
  routed = 0;
  loads = 0;
  t.app.get('/v1/edge-test/:name', (request, reply) => {
    routed++;
    const { name } = request.params as { name: string };
    return replyCachedJson(t.app, request, reply, entryOf(name), () => {
      loads++;
      // Big enough to be compressed (over 1 KB), and different on each load.
      return Promise.resolve({ name, load: loads, rows: Array.from({ length: 100 }, (_, i) => ({ i, name })) });
    });
  });
  // Versions are remembered only once the watch is subscribed: before, the second read would not be a known hit.
  await t.app.cacheVersions!.subscription();
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add its own accept-encoding and decompress). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** Two reads through Fastify: the first fills the cache, the second is a hit the edge remembers. */
async function warm(path: string): Promise<void> {
  expect((await get(path)).headers['x-cache']).toBe('miss');
  expect((await get(path)).headers['x-cache']).toBe('hit');
}

beforeEach(() => {
  redis = createTestRedis();
});
afterEach(async () => {
  await t?.app.close();
  await redis.cleanup();
});

/**
 * What differs between two answers to the same request by nature: who asked, when, the count left, and how the
 * connection is kept (Node's, per connection: these requests close theirs, inject() keeps its own).
 */
const PER_REQUEST = ['x-request-id', 'date', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'connection', 'keep-alive'];
const comparable = (headers: IncomingHttpHeaders | Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_REQUEST.includes(name)));

describe('the edge cache', () => {
  it('answers a URL Fastify answered from memory, with the same headers and bytes, without routing it', async () => {
    await start();
    const path = '/v1/edge-test/a';
    await warm(path);
    expect(routed).toBe(2);

    const variants: Record<string, string>[] = [{}, { 'accept-encoding': 'gzip' }, { 'accept-encoding': 'gzip, br' }];
    for (const headers of variants) {
      const edge = await get(path, headers);
      const fastify = await t.app.inject({ method: 'GET', url: path, headers });
      expect(edge.status).toBe(200);
      expect(comparable(edge.headers)).toEqual(comparable(fastify.headers));
      expect(edge.body.equals(fastify.rawPayload)).toBe(true);
    }
    expect(routed).toBe(2 + variants.length); // the inject() calls only
    const gzip = await get(path, { 'accept-encoding': 'gzip' });
    expect(JSON.parse(gunzipSync(gzip.body).toString())).toMatchObject({ name: 'a', load: 1 });

    // Revalidation: the ETag it sent gives a 304 without a body, as Fastify's does.
    const etag = gzip.headers.etag!;
    const notModified = await get(path, { 'if-none-match': etag });
    const fastify304 = await t.app.inject({ method: 'GET', url: path, headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(comparable(notModified.headers)).toEqual(comparable(fastify304.headers));
    expect(routed).toBe(2 + variants.length + 1);
    expect(loads).toBe(1);
  });

  it('echoes a valid request id, makes one otherwise, and counts each answer against the rate limit', async () => {
    await start({ API_RATE_LIMIT_PER_MINUTE: '6' });
    const path = '/v1/edge-test/b';
    await warm(path);
    const mine = await get(path, { 'x-request-id': '0F8FAD5B-D9CB-469F-A165-70867728950E' });
    expect(mine.headers['x-request-id']).toBe('0f8fad5b-d9cb-469f-a165-70867728950e');
    const made = await get(path);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect([mine, made].map((answer) => answer.headers['x-ratelimit-remaining'])).toEqual(['3', '2']);
    expect(routed).toBe(2);
    await get(path);
    await get(path);
    // Over the limit: Fastify answers, with its 429.
    const refused = await get(path);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(JSON.parse(refused.body.toString())).toMatchObject({ error: 'rate_limited' });
    expect(routed).toBe(2);
  });

  it('steps aside once the version moves on, then answers the new version', async () => {
    await start();
    const path = '/v1/edge-test/c';
    await warm(path);
    const before = await get(path);
    expect(JSON.parse(before.body.toString())).toMatchObject({ load: 1 });

    await bumpVersions(redis.redis, [VERSION_KEY]);
    await t.app.cacheVersions!.sync();
    const after = await get(path);
    expect(after.headers['x-cache']).toBe('miss');
    expect(JSON.parse(after.body.toString())).toMatchObject({ load: 2 });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(routed).toBe(3);
    await get(path); // a hit through Fastify, remembered
    const edge = await get(path);
    expect(edge.headers.etag).toBe(after.headers.etag);
    expect(routed).toBe(4);
  });

  it('counts its answers in the same metrics as Fastify', async () => {
    await start();
    const path = '/v1/edge-test/d';
    await warm(path);
    for (let i = 0; i < 3; i++) await get(path);
    expect(routed).toBe(2);
    const metrics = await t.app.metrics.metrics();
    const route = 'route="/v1/edge-test/:name"';
    expect(metrics).toContain(`iby_http_request_duration_seconds_count{method="GET",${route},status_code="200"} 5`);
    expect(metrics).toContain(`iby_cache_lookups_total{${route},result="hit"} 4`);
  });

  it('leaves to Fastify what it would answer differently: HEAD, CORS requests, reads that need a key', async () => {
    await start({ API_CORS_ORIGINS: 'https://app.example', API_PROTECT_READS: 'true', API_KEYS: 'k' });
    const path = '/v1/edge-test/e';
    const key = { 'x-api-key': 'k' };
    for (let i = 0; i < 3; i++) expect((await get(path, key)).status).toBe(200);
    expect(routed).toBe(3); // a route that needs a key is never remembered
    expect((await get(path)).status).toBe(401);

    await t.app.close();
    await start({ API_CORS_ORIGINS: 'https://app.example' });
    const open = '/v1/edge-test/e2';
    await warm(open);
    const cors = await get(open, { origin: 'https://app.example' });
    expect(cors.headers['access-control-allow-origin']).toBe('https://app.example');
    expect((await get(open, {}, 'HEAD')).status).toBe(200);
    expect(routed).toBe(4);
    await get(open);
    expect(routed).toBe(4);
  });

  it('steps aside while logging at debug, so each read still gets its line', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    await start({}, { loggerInstance: pino({ level: 'debug' }, sink) });
    const path = '/v1/edge-test/f';
    for (let i = 0; i < 4; i++) await get(path);
    expect(routed).toBe(4);
    expect(lines.filter((line) => line.includes('request completed'))).toHaveLength(4);
  });

  it('makes the server with the timeouts Fastify would have set', async () => {
    await start({}, { keepAliveTimeout: 4321, requestTimeout: 8765, connectionTimeout: 6543 });
    expect(t.app.server.keepAliveTimeout).toBe(4321);
    expect(t.app.server.requestTimeout).toBe(8765);
    expect(t.app.server.timeout).toBe(6543);
  });
});
