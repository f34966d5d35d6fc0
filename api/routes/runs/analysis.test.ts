/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument --
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
  t.app.inject({ method: 'POST', url: '/v1/runs/analysis', payload: body as object, headers });

describe('POST /v1/runs/analysis', () => {
  it('needs an API key', async () => {
    const res = await start({}, {});
    expect(res.statusCode).toBe(401);
    expect(t.temporal.starts).toHaveLength(0);
  });

  it('starts `analyze` on the analysis queue with the request made canonical, and the same request is one run', async () => {
    const res = await start({ symbols: ['msft', 'AAPL', 'aapl'], benchmark: 'None', asOf: '2018-01-31' });
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.workflowId).toMatch(/^analysis-/);
    expect(body.statusUrl).toBe(`/v1/runs/${encodeURIComponent(body.workflowId)}`);
    const [started] = t.temporal.starts;
    expect(started.workflowType).toBe('analyze');
    expect(started.options.taskQueue).toBe(TASK_QUEUES.analysis);
    expect(started.options.args).toEqual([
      { symbols: ['AAPL', 'MSFT'], benchmark: 'none', asOf: '2018-01-31', batchSize: 25 },
    ]);
    expect(started.options.typedSearchAttributes).toEqual(
      expect.arrayContaining([
        { key: SEARCH_ATTRIBUTES.runKind, value: 'analysis' },
        { key: SEARCH_ATTRIBUTES.symbolCount, value: 2 },
      ]),
    );
    const again = await start({ symbols: ['AAPL', 'MSFT'], benchmark: 'none', asOf: '2018-01-31' });
    expect(again.json().workflowId).toBe(body.workflowId);
  });

  it('defaults to every symbol and the default benchmark', async () => {
    expect((await start({})).statusCode).toBe(202);
    expect(t.temporal.starts[0].options.args).toEqual([{ batchSize: 25 }]);
  });

  it.each([
    [{ from: '2018-02-01', to: '2018-01-01' }, 'body/from must not be after body/to'],
    [{ symbols: [] }, 'body/symbols must list at least one symbol'],
    [{ benchmark: 'BAD SYMBOL' }, 'body/benchmark must match pattern'],
    [{ asOf: '2018-02-30' }, 'body/asOf must match format "date"'],
    [{ batchSize: 0 }, 'body/batchSize must be >= 1'],
    [{ symbol: 'AAPL' }, 'symbol'],
  ])('answers 400 naming the field for %j', async (payload, message) => {
    const res = await start(payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect(t.temporal.starts).toHaveLength(0);
  });
});
