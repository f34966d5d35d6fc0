import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildTestApp, type TestApp } from '../test-support/test-app';
import staticPlugin, { PAGE_PATHS } from './static';

const INDEX = '<!doctype html><title>dash</title><script type="module" src="/assets/app-1234.js"></script>';

describe('the dashboard static files', () => {
  let root: string;
  let app: FastifyInstance;
  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'web-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), INDEX);
    writeFileSync(path.join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    app = Fastify();
    await app.register(staticPlugin, { root });
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it.each(['/', '/runs', '/runs/prices-abc', '/securities', '/securities/%5EGSPC', '/schedules', '/import'])(
    'answers %s with index.html (history-API routing), not cached',
    async (url) => {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toBe(INDEX);
    },
  );

  it('serves hashed assets for good and 404s a missing one', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ method: 'GET', url: '/assets/nope.js' })).statusCode).toBe(404);
  });

  it('says in words that the dashboard is not built when dist/web is missing', async () => {
    const bare = Fastify();
    await bare.register(staticPlugin, { root: path.join(root, 'missing') });
    const res = await bare.inject({ method: 'GET', url: '/securities' });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ message: string }>().message).toMatch(/npm run build/);
    await bare.close();
  });
});

describe('the dashboard inside the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.app.close());

  it('leaves the API routes and their JSON 404 alone, and stays out of the OpenAPI document', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    const missing = await t.app.inject({ method: 'GET', url: '/v1/nothing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: 'not_found' });
    const docs = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: object }>();
    const documented = Object.keys(docs.paths);
    expect(documented.every((p) => p.startsWith('/v1/') || ['/health', '/ready', '/metrics'].includes(p))).toBe(true);
    for (const page of PAGE_PATHS) expect(documented).not.toContain(page);
  });

  it('needs no API key for the pages, even with protected reads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/schedules' });
    expect(res.statusCode).not.toBe(401);
  });
});
