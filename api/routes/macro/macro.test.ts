/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import { SEARCH_ATTRIBUTES, TASK_QUEUES } from '../../../contracts';
import { buildTestApp, type TestApp } from '../../test-support/test-app';
import { TEST_API_KEY } from '../../test-support/test-config';

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(() => t.app.close());

const start = (body: unknown, headers: Record<string, string> = { 'x-api-key': TEST_API_KEY }) =>
  t.app.inject({ method: 'POST', url: '/v1/runs/macro', payload: body as object, headers });

describe('POST /v1/runs/macro', () => {
  it('needs an API key', async () => {
    expect((await start({ series: ['DGS10'] }, {})).statusCode).toBe(401);
    expect(t.temporal.starts).toHaveLength(0);
  });

  it('starts `ingestMacro` on the etl queue with the request made canonical, and the same request is one run', async () => {
    const res = await start({ series: ['dgs10', 'CPIAUCSL', 'DGS10'], realtimeStart: '2020-01-01' });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.workflowId).toMatch(/^macro-[0-9a-f]{20}$/);
    const [started] = t.temporal.starts;
    expect(started.workflowType).toBe('ingestMacro');
    expect(started.options.taskQueue).toBe(TASK_QUEUES.etl);
    expect(started.options.args).toEqual([{ series: ['CPIAUCSL', 'DGS10'], realtimeStart: '2020-01-01' }]);
    expect(started.options.typedSearchAttributes).toEqual(
      expect.arrayContaining([
        { key: SEARCH_ATTRIBUTES.runKind, value: 'macro' },
        { key: SEARCH_ATTRIBUTES.source, value: 'fred' },
        { key: SEARCH_ATTRIBUTES.symbolCount, value: 2 },
      ]),
    );
    const again = await start({ series: ['CPIAUCSL', 'DGS10'], realtimeStart: '2020-01-01' });
    expect(again.json().workflowId).toBe(body.workflowId);
  });

  it.each([
    [{}, 'series'],
    [{ series: [] }, 'body/series must NOT have fewer than 1 items'],
    [{ series: ['DGS 10'] }, 'body/series/0 must match pattern'],
    [{ series: ['DGS10'], realtimeStart: '2020-02-30' }, 'body/realtimeStart must match format "date"'],
    [{ series: ['DGS10'], realtimeStart: '2020-02-01', realtimeEnd: '2020-01-01' }, 'body/realtimeEnd (2020-01-01)'],
    [{ series: ['DGS10'], source: 'fred' }, 'source'],
  ])('answers 400 naming the field for %j', async (payload, message) => {
    const res = await start(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect(t.temporal.starts).toHaveLength(0);
  });
});

describe('GET /v1/macro/{series}', () => {
  it.each([
    ['/v1/macro/DGS%2010', 'params/series must match pattern'],
    ['/v1/macro/DGS10?asOf=yesterday', 'querystring/asOf must match format "date"'],
    ['/v1/macro/DGS10?from=2020-02-01&to=2020-01-01', 'querystring/to (2020-01-01) is before querystring/from'],
    ['/v1/macro/DGS10?vintage=1', 'vintage'],
  ])('answers 400 naming the problem for %s', async (url, message) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
  });
});
