import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { createDataActivities } from '../../activities/data';
import type { createEtlActivities } from '../../activities/etl';
import {
  emptyRowCounts,
  FAILURE_TYPES,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  type IngestPricesResult,
  type PlannedBatch,
} from '../../contracts';
import { progressQuery } from '../../workflows';
import { testServerBinaries } from '../support/tools';

type EtlActivities = ReturnType<typeof createEtlActivities>;
type DataActivities = ReturnType<typeof createDataActivities>;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  // The dev server (not the time-skipping one, which cannot register custom search attributes for children).
  env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: testServerBinaries().temporal },
      searchAttributes: Object.values(SEARCH_ATTRIBUTES),
      extraArgs: ['--log-level', 'error'],
    },
  });
  bundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: new DefaultLogger('WARN'),
  });
});

afterAll(async () => {
  await env?.teardown();
});

const batchesOf = (n: number): PlannedBatch[] =>
  Array.from({ length: n }, (_, i) => ({
    batchKey: `b${String(i + 1).padStart(4, '0')}`,
    symbols: [`S${i + 1}`],
    parts: [{ key: `raw/${i}`, sha256: 'x', bytes: 1, origin: 'test' }],
  }));

const notPrices = () => Promise.reject(new Error('not an activity of a price run'));

/** Fakes typed against the production factories: renaming an activity breaks this test at compile time. */
function fakes(batches: PlannedBatch[], behaviour: { failBatch?: string; flakyBatch?: string } = {}) {
  let running = 0;
  const seen = { maxConcurrentTransforms: 0, transformAttempts: new Map<string, number>() };
  const etl: EtlActivities = {
    planPriceBatches: () => Promise.resolve(batches),
    collectPriceBatch: () => Promise.reject(new Error('csv batches are collected while planning')),
    planFundamentalsBatches: notPrices,
    transformFundamentalsBatch: notPrices,
    collectCompanyFacts: notPrices,
    collectSecTickers: notPrices,
    transformPriceBatch: async ({ batchKey }) => {
      const attempt = (seen.transformAttempts.get(batchKey) ?? 0) + 1;
      seen.transformAttempts.set(batchKey, attempt);
      if (batchKey === behaviour.failBatch)
        throw ApplicationFailure.nonRetryable('bad header', FAILURE_TYPES.unknownLayout);
      if (batchKey === behaviour.flakyBatch && attempt < 3) throw new Error('S3 hiccup');
      running++;
      seen.maxConcurrentTransforms = Math.max(seen.maxConcurrentTransforms, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      const counts = { ...emptyRowCounts(), rowsRead: 10, rowsLoaded: 8, rowsRejected: 1, rowsFiltered: 1 };
      counts.rejectedByReason = { duplicate: 1 };
      counts.rowsFlagged = { zero_volume: 2 };
      return {
        staged: { key: `staged/${batchKey}`, sha256: 's', bytes: 1 },
        rejected: null,
        counts,
        symbols: [batchKey],
      };
    },
  };
  const data: DataActivities = {
    loadPriceBatch: ({ counts }) =>
      Promise.resolve({ rowsInserted: counts.rowsLoaded, rowsUpdated: 0, rowsUnchanged: 0 }),
    loadFundamentalsBatch: notPrices,
    recordRunStarted: () => Promise.resolve(),
    recordRunFinished: () => Promise.resolve(),
  };
  return { etl, data, seen };
}

/** The etl and data workers of the real task queues, hosting the fakes. */
function fakeWorkers(activities: ReturnType<typeof fakes>): Promise<[Worker, Worker]> {
  return Promise.all([
    Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUES.etl,
      workflowBundle: bundle,
      activities: activities.etl,
    }),
    Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUES.data, activities: activities.data }),
  ]);
}

async function runWith(activities: ReturnType<typeof fakes>, args: unknown[]): Promise<IngestPricesResult> {
  const [etl, data] = await fakeWorkers(activities);
  return data.runUntil(
    etl.runUntil(
      env.client.workflow.execute('ingestPrices', {
        taskQueue: TASK_QUEUES.etl,
        workflowId: randomUUID(),
        args,
      }) as Promise<IngestPricesResult>,
    ),
  );
}

describe('ingestPrices workflow', () => {
  it('runs every batch within the concurrency window and adds up the accounting', async () => {
    const activities = fakes(batchesOf(7));
    const result = await runWith(activities, [{ source: 'csv', path: '/x' }, { maxConcurrentBatches: 2 }]);
    expect(activities.seen.maxConcurrentTransforms).toBeLessThanOrEqual(2);
    expect(activities.seen.maxConcurrentTransforms).toBeGreaterThanOrEqual(1);
    expect(result).toMatchObject({
      batches: 7,
      batchesFailed: 0,
      rowsRead: 70,
      rowsLoaded: 56,
      rowsRejected: 7,
      rowsFiltered: 7,
      rowsInserted: 56,
      rejectedByReason: { duplicate: 7 },
      rowsFlagged: { zero_volume: 14 },
    });
  });

  it('reports a permanently failed batch by symbol, retries a transient failure, and loads the rest', async () => {
    const activities = fakes(batchesOf(4), { failBatch: 'b0002', flakyBatch: 'b0003' });
    const result = await runWith(activities, [{ source: 'csv', path: '/x' }]);
    expect(activities.seen.transformAttempts.get('b0002')).toBe(1);
    expect(activities.seen.transformAttempts.get('b0003')).toBe(3);
    expect(result.batchesFailed).toBe(1);
    expect(result.failures).toEqual([
      { batchKey: 'b0002', symbols: ['S2'], type: FAILURE_TYPES.unknownLayout, message: 'bad header' },
    ]);
    expect(result.rowsLoaded).toBe(3 * 8);
  });

  it('answers the progress query with failures by symbol after it completes', async () => {
    const activities = fakes(batchesOf(3), { failBatch: 'b0001' });
    const workflowId = randomUUID();
    const [etl, data] = await fakeWorkers(activities);
    const progress = await data.runUntil(
      etl.runUntil(async () => {
        await env.client.workflow.execute('ingestPrices', {
          taskQueue: TASK_QUEUES.etl,
          workflowId,
          args: [{ source: 'csv', path: '/x' }],
        });
        return env.client.workflow.getHandle(workflowId).query(progressQuery);
      }),
    );
    expect(progress).toEqual({
      phase: 'done',
      batchesTotal: 3,
      batchesDone: 3,
      batchesFailed: 1,
      batchesRunning: 0,
      rowsLoaded: 16,
      rowsRejected: 2,
      failuresBySymbol: { S1: `${FAILURE_TYPES.unknownLayout}: bad header` },
    });
  });
});
