/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment --
   inject() answers untyped JSON; the assertions below are what check its shape. */
import { ApplicationFailure, ActivityFailure, TerminatedFailure } from '@temporalio/common';
import type { IngestPricesResult, IngestProgress } from '../../../contracts';
import { buildTestApp, type TestApp } from '../../test-support/test-app';
import { TEST_API_KEY, testConfig } from '../../test-support/test-config';

const progress: IngestProgress = {
  kind: 'prices',
  phase: 'running',
  batchesTotal: 11,
  batchesDone: 4,
  batchesFailed: 1,
  batchesRunning: 2,
  rowsLoaded: 61_000,
  rowsRejected: 3,
  failuresBySymbol: { ZZZ: 'UnknownSymbol: no data' },
};

const result: IngestPricesResult = {
  rowsRead: 619_043,
  rowsLoaded: 619_029,
  rowsRejected: 14,
  rejectedByReason: { missing_close: 11, duplicate: 3 },
  rowsFlagged: { missing_open: 11 },
  rowsFiltered: 0,
  rowsInserted: 619_029,
  rowsUpdated: 0,
  rowsUnchanged: 0,
  batches: 11,
  batchesFailed: 0,
  failures: [],
  outcome: 'succeeded',
};

let t: TestApp;
beforeEach(async () => {
  t = await buildTestApp();
});
afterEach(() => t.app.close());

const getRun = (id: string) => t.app.inject({ method: 'GET', url: `/v1/runs/${id}` });

describe('GET /v1/runs/:workflowId', () => {
  it('reports a running run with its progress and a link to the run in the Temporal UI', async () => {
    t.temporal.add({ workflowId: 'prices-abc', runId: 'r1', progress });
    const res = await getRun('prices-abc');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      workflowId: 'prices-abc',
      runId: 'r1',
      workflowType: 'ingestPrices',
      status: 'RUNNING',
      outcome: null,
      startTime: '2024-05-01T10:00:00.000Z',
      progress,
      temporalUiUrl: 'http://temporal-ui.test/namespaces/iby-test/workflows/prices-abc/r1',
    });
  });

  it('adds the result and the close time of a completed run, and still asks for progress', async () => {
    const done = { ...progress, phase: 'done' as const, batchesDone: 11, batchesRunning: 0 };
    t.temporal.add({
      workflowId: 'prices-done',
      status: 'COMPLETED',
      closeTime: new Date('2024-05-01T10:05:00Z'),
      progress: done,
      result,
    });
    const body = (await getRun('prices-done')).json();
    expect(body.status).toBe('COMPLETED');
    expect(body.closeTime).toBe('2024-05-01T10:05:00.000Z');
    expect(body.progress).toEqual(done);
    expect(body.result).toEqual(result);
    expect(body).not.toHaveProperty('error');
  });

  it('reports progress as null when the query fails', async () => {
    t.temporal.add({ workflowId: 'prices-noworker', progress: new Error('no poller seen for task queue') });
    const body = (await getRun('prices-noworker')).json();
    expect(body.status).toBe('RUNNING');
    expect(body.progress).toBeNull();
  });

  it('reports the root cause of a failure by type and message, without a stack', async () => {
    const root = ApplicationFailure.nonRetryable('file has no header', 'UnknownLayout');
    const wrapped = new ActivityFailure('activity failed', 'planPriceBatches', '1', 'NON_RETRYABLE_FAILURE', 'w', root);
    t.temporal.add({ workflowId: 'prices-failed', status: 'FAILED', closeTime: new Date(), failure: wrapped });
    const res = await getRun('prices-failed');
    expect(res.json().status).toBe('FAILED');
    expect(res.json().error).toEqual({ type: 'UnknownLayout', message: 'file has no header' });
    expect(res.body).not.toContain('at ');
    expect(res.json()).not.toHaveProperty('result');
  });

  it('reports why a run was terminated', async () => {
    t.temporal.add({ workflowId: 'prices-term', status: 'TERMINATED', failure: new TerminatedFailure('by operator') });
    expect((await getRun('prices-term')).json().error).toEqual({ type: 'TerminatedFailure', message: 'by operator' });
  });

  it.each([
    ['RUNNING', 'RUNNING'],
    ['COMPLETED', 'COMPLETED'],
    ['FAILED', 'FAILED'],
    ['CANCELLED', 'CANCELED'],
    ['TERMINATED', 'TERMINATED'],
    ['TIMED_OUT', 'TIMED_OUT'],
    ['CONTINUED_AS_NEW', 'CONTINUED_AS_NEW'],
    ['PAUSED', 'PAUSED'],
    ['UNSPECIFIED', 'UNKNOWN'],
  ] as const)('maps Temporal status %s to %s', async (temporalStatus, apiStatus) => {
    t.temporal.add({
      workflowId: 'prices-s',
      status: temporalStatus,
      result,
      failure: new Error('boom'),
      progress,
    });
    const res = await getRun('prices-s');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe(apiStatus);
  });

  it('answers for every workflow type: its own progress and result, no early return', async () => {
    t.temporal.add({ workflowId: 'prices-abc/b0001', type: 'ingestPriceBatch', status: 'COMPLETED', result: { x: 1 } });
    const body = (await getRun('prices-abc%2Fb0001')).json();
    expect(body.workflowType).toBe('ingestPriceBatch');
    expect(body.progress).toBeNull();
    expect(body.result).toEqual({ x: 1 });
    expect(body.outcome).toBe('succeeded');

    const analysisProgress = { kind: 'analysis', phase: 'running', batchesTotal: 3, symbolsAnalysed: 40 };
    t.temporal.add({ workflowId: 'analysis-1', type: 'analyze', progress: analysisProgress });
    expect((await getRun('analysis-1')).json().progress).toEqual(analysisProgress);
  });

  it.each([
    ['succeeded', 0],
    ['partial', 1],
    ['failed', 11],
  ] as const)('reports the outcome %s of a completed run from its result', async (outcome, batchesFailed) => {
    t.temporal.add({ workflowId: 'prices-o', status: 'COMPLETED', result: { ...result, batchesFailed, outcome } });
    expect((await getRun('prices-o')).json().outcome).toBe(outcome);
  });

  it('judges an older result without an outcome by its batch counts, and a failed run as failed', async () => {
    const older: Partial<IngestPricesResult> = { ...result };
    delete older.outcome;
    t.temporal.add({ workflowId: 'prices-old', status: 'COMPLETED', result: { ...older, batchesFailed: 2 } });
    expect((await getRun('prices-old')).json().outcome).toBe('partial');
    t.temporal.add({ workflowId: 'prices-f', status: 'TERMINATED', failure: new TerminatedFailure('by operator') });
    expect((await getRun('prices-f')).json().outcome).toBe('failed');
  });

  it('answers 503 within the deadline when Temporal does not answer, instead of hanging', async () => {
    const slow = await buildTestApp({ config: testConfig({ API_RUN_READ_TIMEOUT_MS: '200' }) });
    try {
      slow.temporal.add({ workflowId: 'prices-abc' });
      slow.temporal.hanging = true;
      const started = Date.now();
      const res = await slow.app.inject({ method: 'GET', url: '/v1/runs/prices-abc' });
      // Temporal never answers here, so any answer is the deadline at work; it must not come before it.
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({
        error: 'unavailable',
        message: 'the workflow service did not answer within 200 ms; try again',
      });
    } finally {
      await slow.app.close();
    }
  });

  it('answers 404 not_found for an unknown run', async () => {
    const res = await getRun('prices-unknown');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'not_found', message: 'no run with workflowId prices-unknown' });
  });

  it('answers 503 when Temporal is down', async () => {
    t.temporal.unavailable = true;
    const res = await getRun('prices-abc');
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toBe('unavailable');
  });
});

describe('GET /v1/runs', () => {
  it('lists recent price runs through the run-kind search attribute, newest first, up to limit', async () => {
    t.temporal.add({ workflowId: 'prices-old', startTime: new Date('2024-01-01T00:00:00Z'), status: 'COMPLETED' });
    t.temporal.add({ workflowId: 'prices-mid', startTime: new Date('2024-02-01T00:00:00Z') });
    await t.app.inject({
      method: 'POST',
      url: '/v1/runs/prices',
      headers: { 'x-api-key': TEST_API_KEY },
      payload: { source: 'stooq', symbols: ['AAPL', 'MSFT'] },
    });
    const started = [...t.temporal.runs.values()].find((r) => r.memo)!;
    started.startTime = new Date('2024-03-01T00:00:00Z');

    const res = await t.app.inject({ method: 'GET', url: '/v1/runs?limit=2' });
    expect(res.statusCode).toBe(200);
    expect(t.temporal.listQueries).toEqual([
      "IbyRunKind IN ('prices', 'fundamentals', 'analysis', 'pipeline', 'macro')",
    ]);
    expect(res.json().runs).toEqual([
      {
        workflowId: started.workflowId,
        runId: started.runId,
        kind: 'prices',
        status: 'RUNNING',
        startTime: '2024-03-01T00:00:00.000Z',
        summary: 'Prices from stooq: AAPL, MSFT',
        source: 'stooq',
        symbolCount: 2,
        temporalUiUrl: `http://temporal-ui.test/namespaces/iby-test/workflows/${started.workflowId}/${started.runId}`,
      },
      expect.objectContaining({ workflowId: 'prices-mid', status: 'RUNNING' }),
    ]);
  });

  it('filters by kind and status in the visibility query, and reports the outcome of each run from its memo', async () => {
    t.temporal.add({ workflowId: 'prices-p', status: 'COMPLETED', memo: { outcome: 'partial' } });
    const res = await t.app.inject({ method: 'GET', url: '/v1/runs?kind=fundamentals&status=COMPLETED' });
    expect(res.statusCode).toBe(200);
    expect(t.temporal.listQueries).toEqual(["IbyRunKind = 'fundamentals' AND ExecutionStatus = 'Completed'"]);
    expect(res.json().runs[0]).toMatchObject({ workflowId: 'prices-p', outcome: 'partial' });
  });

  it('answers 503 within the deadline when Temporal does not answer the list', async () => {
    const slow = await buildTestApp({ config: testConfig({ API_RUN_READ_TIMEOUT_MS: '200' }) });
    try {
      slow.temporal.hanging = true;
      const started = Date.now();
      const res = await slow.app.inject({ method: 'GET', url: '/v1/runs' });
      // Temporal never answers here, so any answer is the deadline at work; it must not come before it.
      expect(Date.now() - started).toBeGreaterThanOrEqual(190);
      expect(res.statusCode).toBe(503);
      expect(res.json().error).toBe('unavailable');
    } finally {
      await slow.app.close();
    }
  });

  it('rejects an unknown kind', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/runs?kind=bogus' });
    expect(res.statusCode).toBe(400);
  });

  it('rejects a limit out of range', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/runs?limit=0' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('querystring/limit must be >= 1');
  });
});

describe('POST /v1/runs/:workflowId/cancel', () => {
  const cancel = (id: string, headers: Record<string, string> = { 'x-api-key': TEST_API_KEY }) =>
    t.app.inject({ method: 'POST', url: `/v1/runs/${id}/cancel`, headers });

  it('needs the API key', async () => {
    t.temporal.add({ workflowId: 'prices-abc' });
    expect((await cancel('prices-abc', {})).statusCode).toBe(401);
    expect(t.temporal.cancelled).toEqual([]);
  });

  it('requests cancellation of a running run with 202', async () => {
    t.temporal.add({ workflowId: 'prices-abc', runId: 'r9' });
    const res = await cancel('prices-abc');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      workflowId: 'prices-abc',
      runId: 'r9',
      status: 'CANCEL_REQUESTED',
      temporalUiUrl: 'http://temporal-ui.test/namespaces/iby-test/workflows/prices-abc/r9',
    });
    expect(t.temporal.cancelled).toEqual(['prices-abc']);
  });

  it('answers 409 for a run that already closed and 404 for an unknown one', async () => {
    t.temporal.add({ workflowId: 'prices-done', status: 'COMPLETED' });
    const closed = await cancel('prices-done');
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toEqual({ error: 'conflict', message: 'run prices-done is COMPLETED, not RUNNING' });
    expect((await cancel('prices-nope')).statusCode).toBe(404);
    expect(t.temporal.cancelled).toEqual([]);
  });
});
