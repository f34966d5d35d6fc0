import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { matchesEtag, preferredEncoding, sendStoredJson, StoredJson, StoredJsonMemo } from './stored-json';

const big = JSON.stringify({ bars: Array.from({ length: 200 }, (_, i) => ({ date: `d${i}`, close: i * 1.5 })) });

describe('StoredJson', () => {
  it('has a strong ETag of its bytes and keeps each compressed form once', () => {
    const a = new StoredJson(big);
    expect(a.etag).toMatch(/^"[\w-]{27}"$/);
    expect(new StoredJson(big).etag).toBe(a.etag);
    expect(new StoredJson(big.replace('1.5', '2.5')).etag).not.toBe(a.etag);
    const gzip = a.encodedAs('gzip');
    expect(a.encodedAs('gzip')).toBe(gzip);
    expect(gunzipSync(gzip).toString()).toBe(big);
    expect(brotliDecompressSync(a.encodedAs('br')).toString()).toBe(big);
    expect(a.bytes).toBe(a.body.length + gzip.length + a.encodedAs('br').length);
  });
});

describe('StoredJson.answerTo', () => {
  it('builds each answer once, with the length of the bytes it sends, and a 304 without one', () => {
    const a = new StoredJson(big);
    const gzip = a.answerTo(undefined, 'gzip');
    expect(a.answerTo(undefined, 'gzip, deflate')).toBe(gzip);
    expect(gzip.body).toBe(a.encodedAs('gzip'));
    expect(gzip.headersWithLength).toEqual([...gzip.headers, 'content-length', String(gzip.body!.length)]);
    expect(a.answerTo(undefined, undefined).body).toBe(a.body);
    const notModified = a.answerTo(`W/${a.etag}`, 'gzip');
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBeUndefined();
    expect(notModified.headersWithLength).toEqual([
      'etag',
      a.etag,
      'vary',
      'accept-encoding',
      'cache-control',
      'no-cache',
    ]);
  });
});

describe('StoredJsonMemo', () => {
  it('evicts the least recently used beyond its byte budget', () => {
    const memo = new StoredJsonMemo({ maxBytes: 25, maxAgeMs: 1000 });
    memo.remember('a', '"aaaaaaaa"');
    memo.remember('b', '"bbbbbbbb"');
    expect(memo.get('a')?.body.toString()).toBe('"aaaaaaaa"'); // a is now the most recent
    memo.remember('c', '"cccccccc"');
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBeDefined();
    expect(memo.get('c')).toBeDefined();
  });

  it('forgets an entry older than its maximum age', () => {
    let now = 0;
    const memo = new StoredJsonMemo({ maxBytes: 1000, maxAgeMs: 100, now: () => now });
    memo.remember('k', '1');
    now = 100;
    expect(memo.get('k')).toBeDefined();
    now = 201;
    expect(memo.get('k')).toBeUndefined();
    expect(memo.size).toBe(0);
  });
});

describe('negotiation', () => {
  it.each([
    [undefined, undefined],
    ['identity', undefined],
    ['gzip, deflate', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0, gzip;q=0.8', 'gzip'],
    ['br; q=0.0, gzip;q=0', undefined],
  ])('accept-encoding %s gives %s', (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });

  it.each([
    [undefined, false],
    ['"x"', true],
    ['W/"x"', true],
    ['"y", "x"', true],
    ['*', true],
    ['"y"', false],
  ])('if-none-match %s matches "x": %s', (header, expected) => {
    expect(matchesEtag(header, '"x"')).toBe(expected);
  });
});

describe('sendStoredJson', () => {
  const app = Fastify();
  const stored = new StoredJson(big);
  const small = new StoredJson('{"a":1}');
  app.get('/big', (request, reply) => sendStoredJson(request, reply, stored));
  app.get('/small', (request, reply) => sendStoredJson(request, reply, small));
  afterAll(() => app.close());

  it('sends the bytes with their ETag, JSON type and revalidation headers', async () => {
    const res = await app.inject({ url: '/big' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(big);
    expect(res.headers).toMatchObject({
      etag: stored.etag,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-cache',
      vary: 'accept-encoding',
    });
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('answers 304 without a body when the client holds this version', async () => {
    const res = await app.inject({ url: '/big', headers: { 'if-none-match': stored.etag } });
    expect(res.statusCode).toBe(304);
    expect(res.body).toBe('');
    expect(res.headers.etag).toBe(stored.etag);
  });

  it('compresses for clients that accept it, but not a body too small to gain', async () => {
    const gz = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(big);
    const br = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(big);
    const tiny = await app.inject({ url: '/small', headers: { 'accept-encoding': 'gzip, br' } });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.json()).toEqual({ a: 1 });
  });
});
