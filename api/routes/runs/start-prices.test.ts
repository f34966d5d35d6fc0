/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEARCH_ATTRIBUTES, TASK_QUEUES } from '../../../contracts';
import { buildTestApp, type TestApp } from '../../test-support/test-app';
import { TEST_API_KEY, testConfig } from '../../test-support/test-config';

// Created at load time: the it.each tables below are built before any hook runs.
const sandbox = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-api-'));
const root = path.join(sandbox, 'imports');
const file = path.join(root, 'all_stocks_5yr.csv');
let t: TestApp;

beforeAll(() => {
  fs.mkdirSync(path.join(root, 'daily'), { recursive: true });
  fs.writeFileSync(file, 'date,open,high,low,close,volume,Name\n');
  fs.writeFileSync(path.join(sandbox, 'secret.csv'), 'not for the API\n');
  fs.symlinkSync(path.join(sandbox, 'secret.csv'), path.join(root, 'escape.csv'));
  fs.symlinkSync(file, path.join(root, 'alias.csv'));
});

afterAll(() => fs.rmSync(sandbox, { recursive: true, force: true }));

beforeEach(async () => {
  t = await buildTestApp({ config: testConfig({ IMPORT_ROOTS: root }) });
});

afterEach(() => t.app.close());

const start = (body: unknown, headers: Record<string, string> = { 'x-api-key': TEST_API_KEY }) =>
  t.app.inject({ method: 'POST', url: '/v1/runs/prices', payload: body as object, headers });

describe('POST /v1/runs/prices', () => {
  it.each([
    ['no key', {}],
    ['a wrong key', { 'x-api-key': 'test-key-2' }],
    ['a key with a valid prefix', { 'x-api-key': `${TEST_API_KEY}x` }],
  ])('answers 401 with %s, before reading the body', async (_case, headers) => {
    const res = await start({ source: 'nope' }, headers);
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: 'unauthorized', message: 'a valid x-api-key header is required' });
    expect(t.temporal.starts).toHaveLength(0);
  });

  it('accepts every configured key', async () => {
    const res = await start({ source: 'stooq', symbols: ['AAPL'] }, { 'x-api-key': 'second-key' });
    expect(res.statusCode).toBe(202);
  });

  it.each([
    ['a path outside the roots', { source: 'csv', path: path.join(sandbox, 'secret.csv') }, 'body/path'],
    ['a .. escape', { source: 'csv', path: path.join(root, '..', 'secret.csv') }, 'body/path'],
    ['a relative .. escape', { source: 'csv', path: '../secret.csv' }, 'body/path'],
    ['a symlink escape', { source: 'csv', path: path.join(root, 'escape.csv') }, 'body/path'],
    ['a missing file', { source: 'csv', path: path.join(root, 'missing.csv') }, 'body/path'],
    ['csv without path', { source: 'csv' }, 'body/path is required when source is csv'],
    ['stooq with a path', { source: 'stooq', symbols: ['AAPL'], path: file }, 'body/path is only accepted'],
    ['stooq without symbols', { source: 'stooq' }, 'body/symbols must list at least one symbol'],
    ['stooq with empty symbols', { source: 'stooq', symbols: [] }, 'body/symbols must list at least one symbol'],
    [
      'an impossible date',
      { source: 'stooq', symbols: ['AAPL'], from: '2023-02-30' },
      'body/from must match format "date"',
    ],
    ['a malformed date', { source: 'stooq', symbols: ['AAPL'], to: '2023-1-5' }, 'body/to must match format "date"'],
    [
      'from after to',
      { source: 'stooq', symbols: ['AAPL'], from: '2020-02-01', to: '2020-01-31' },
      'body/from must not be after body/to',
    ],
    ['a bad symbol', { source: 'stooq', symbols: ['AAPL', 'DROP TABLE'] }, 'body/symbols/1 must match pattern'],
    ['a too long symbol', { source: 'csv', path: file, symbol: 'A'.repeat(21) }, 'body/symbol must match pattern'],
    ['batchSize 0', { source: 'stooq', symbols: ['AAPL'], batchSize: 0 }, 'body/batchSize must be >= 1'],
    ['batchSize too large', { source: 'stooq', symbols: ['AAPL'], batchSize: 1001 }, 'body/batchSize must be <= 1000'],
    [
      'an unknown source',
      { source: 'bloomberg', symbols: ['AAPL'] },
      'body/source must be equal to one of the allowed values',
    ],
    [
      'an unknown property',
      { source: 'stooq', symbols: ['AAPL'], symbolz: ['X'] },
      "must NOT have additional properties 'symbolz'",
    ],
  ])('answers 400 naming the field for %s', async (_case, body, message) => {
    const res = await start(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('bad_request');
    expect(res.json().message).toContain(message);
    expect(t.temporal.starts).toHaveLength(0);
  });

  it('rejects a malformed Idempotency-Key', async () => {
    const res = await start(
      { source: 'stooq', symbols: ['AAPL'] },
      { 'x-api-key': TEST_API_KEY, 'idempotency-key': 'a b' },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('headers/idempotency-key must match pattern');
  });

  it('starts ingestPrices on the etl queue with the normalised request and a deterministic id', async () => {
    const res = await start({ source: 'csv', path: file, symbols: ['msft', 'AAPL', 'aapl'], from: '2018-01-01' });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.workflowId).toMatch(/^prices-[0-9a-f]{20}$/);
    expect(body.runId).toBe('run-1');
    expect(body.statusUrl).toBe(`/v1/runs/${body.workflowId}`);
    expect(body.temporalUiUrl).toBe(`http://temporal-ui.test/namespaces/iby-test/workflows/${body.workflowId}/run-1`);

    expect(t.temporal.starts).toHaveLength(1);
    const { workflowType, options } = t.temporal.starts[0];
    expect(workflowType).toBe('ingestPrices');
    expect(options.taskQueue).toBe(TASK_QUEUES.etl);
    expect(options.workflowId).toBe(body.workflowId);
    expect(options.args).toEqual([
      { source: 'csv', path: fs.realpathSync(file), symbols: ['AAPL', 'MSFT'], from: '2018-01-01', batchSize: 50 },
    ]);
    expect(options.workflowIdConflictPolicy).toBe('USE_EXISTING');
    expect(options.workflowIdReusePolicy).toBe('ALLOW_DUPLICATE');
    expect(options.typedSearchAttributes).toEqual([
      { key: SEARCH_ATTRIBUTES.runKind, value: 'prices' },
      { key: SEARCH_ATTRIBUTES.source, value: 'csv' },
      { key: SEARCH_ATTRIBUTES.symbolCount, value: 2 },
    ]);
    expect(options.staticSummary).toBe('Prices from csv: all_stocks_5yr.csv (2018-01-01 → …)');
    expect(options.staticDetails).toContain('"symbols":["AAPL","MSFT"]');
  });

  it('gives equal requests one id, whatever the spelling, and joins the running run', async () => {
    const first = (await start({ source: 'stooq', symbols: ['MSFT', 'aapl'] })).json();
    const second = await start({ symbols: ['AAPL', 'msft', 'MSFT'], source: 'stooq', batchSize: 50 });
    expect(second.statusCode).toBe(202);
    expect(second.json()).toEqual(first);
    expect(t.temporal.runs.size).toBe(1);

    const other = (await start({ source: 'stooq', symbols: ['AAPL'] })).json();
    expect(other.workflowId).not.toBe(first.workflowId);
  });

  it('forwards the real path: a symlink inside the root and the file itself are one request', async () => {
    const direct = (await start({ source: 'csv', path: file })).json();
    const viaLink = (await start({ source: 'csv', path: path.join(root, 'alias.csv') })).json();
    const relative = (await start({ source: 'csv', path: 'daily/../all_stocks_5yr.csv' })).json();
    expect(viaLink.workflowId).toBe(direct.workflowId);
    expect(relative.workflowId).toBe(direct.workflowId);
    expect(t.temporal.starts.map((s) => (s.options.args as [{ path: string }])[0].path)).toEqual(
      Array(3).fill(fs.realpathSync(file)),
    );
  });

  it('accepts a folder inside the root', async () => {
    const res = await start({ source: 'csv', path: path.join(root, 'daily'), symbol: '^gspc' });
    expect(res.statusCode).toBe(202);
    expect(t.temporal.starts[0].options.args).toEqual([
      { source: 'csv', path: fs.realpathSync(path.join(root, 'daily')), symbol: '^GSPC', batchSize: 50 },
    ]);
  });

  it('uses prices-key-<key> with REJECT_DUPLICATE for an Idempotency-Key', async () => {
    const headers = { 'x-api-key': TEST_API_KEY, 'idempotency-key': 'nightly:2024-05-01' };
    const res = await start({ source: 'stooq', symbols: ['AAPL'] }, headers);
    expect(res.statusCode).toBe(202);
    expect(res.json().workflowId).toBe('prices-key-nightly:2024-05-01');
    expect(t.temporal.starts[0].options).toMatchObject({
      workflowId: 'prices-key-nightly:2024-05-01',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  });

  it('answers 200 with the existing ids when the Idempotency-Key already ran', async () => {
    t.temporal.add({ workflowId: 'prices-key-once', runId: 'done-run', status: 'COMPLETED' });
    const headers = { 'x-api-key': TEST_API_KEY, 'idempotency-key': 'once' };
    const res = await start({ source: 'stooq', symbols: ['AAPL'] }, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      workflowId: 'prices-key-once',
      runId: 'done-run',
      statusUrl: '/v1/runs/prices-key-once',
      temporalUiUrl: 'http://temporal-ui.test/namespaces/iby-test/workflows/prices-key-once/done-run',
    });
    expect(t.temporal.runs.get('prices-key-once')?.runId).toBe('done-run');
  });

  it('answers 503 unavailable when Temporal cannot be reached', async () => {
    t.temporal.unavailable = true;
    const res = await start({ source: 'stooq', symbols: ['AAPL'] });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: 'unavailable', message: 'the workflow service is unavailable' });
    expect(res.body).not.toContain('UNAVAILABLE');
  });
});
