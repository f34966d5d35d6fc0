import { randomUUID } from 'node:crypto';
import { Context } from '@temporalio/activity';
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
  type RawPart,
} from '../../contracts';
import { progressQuery } from '../../workflows';
import { ingestPrices } from '../../workflows/ingest-prices';
import type { PricesRunResult } from '../../workflows/suspected-actions-step';
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
const notStooq = () => Promise.reject(new Error('these runs read csv: nothing is fetched from Stooq'));

/** Fakes typed against the production factories: renaming an activity breaks this test at compile time. */
function fakes(
  batches: PlannedBatch[],
  behaviour: {
    failBatch?: string | ((batchKey: string) => boolean);
    flakyBatch?: string;
    slow?: boolean;
    failPlan?: boolean;
    failDetection?: boolean;
  } = {},
) {
  const fails = (batchKey: string) =>
    typeof behaviour.failBatch === 'function' ? behaviour.failBatch(batchKey) : batchKey === behaviour.failBatch;
  let running = 0;
  const seen = {
    maxConcurrentTransforms: 0,
    transformAttempts: new Map<string, number>(),
    ledger: [] as Record<string, unknown>[],
    ledgerErrors: [] as { type: string; message: string }[],
    detections: [] as { workflowId: string; runId: string }[],
  };
  const etl: EtlActivities = {
    planPriceBatches: () =>
      behaviour.failPlan
        ? Promise.reject(ApplicationFailure.nonRetryable('x'.repeat(100_000), FAILURE_TYPES.unknownLayout))
        : Promise.resolve(batches),
    collectPriceBatch: () => Promise.reject(new Error('csv batches are collected while planning')),
    fetchStooqSymbol: notStooq,
    probeStooqSymbol: notStooq,
    fetchProviderSymbol: notStooq,
    probeProviderSymbol: notStooq,
    planFundamentalsBatches: notPrices,
    transformFundamentalsBatch: notPrices,
    collectCompanyFacts: notPrices,
    collectSecTickers: notPrices,
    fetchFredSeries: notPrices,
    transformPriceBatch: async ({ batchKey }) => {
      const attempt = (seen.transformAttempts.get(batchKey) ?? 0) + 1;
      seen.transformAttempts.set(batchKey, attempt);
      if (fails(batchKey)) throw ApplicationFailure.nonRetryable('bad header', FAILURE_TYPES.unknownLayout);
      if (batchKey === behaviour.flakyBatch && attempt < 3) throw new Error('S3 hiccup');
      running++;
      seen.maxConcurrentTransforms = Math.max(seen.maxConcurrentTransforms, running);
      if (behaviour.slow) {
        // Until cancelled: heartbeats are how a cancellation reaches an activity.
        for (;;) {
          Context.current().heartbeat();
          await Context.current().sleep(100);
        }
      }
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
    detectSuspectedActions: (input) => {
      seen.detections.push(input);
      if (behaviour.failDetection)
        return Promise.reject(ApplicationFailure.nonRetryable('corporate_actions is gone', 'TestFailure'));
      return Promise.resolve({
        symbolsChecked: batches.length,
        suspectedActions: 2,
        suspectedBadBars: 1,
        suspected: [{ symbol: 'S1', date: '2020-01-02', reason: 'suspected_bad_bar' as const }],
      });
    },
    loadFundamentalsBatch: notPrices,
    loadMacroSeries: notPrices,
    lastFinishedRunAt: notPrices,
    recordRunStarted: (run) => {
      seen.ledger.push({ event: 'started', kind: run.runKind });
      return Promise.resolve();
    },
    recordRunFinished: (run) => {
      seen.ledger.push({ event: 'finished', status: run.status, outcome: run.outcome });
      if (run.error) seen.ledgerErrors.push(run.error);
      return Promise.resolve(true);
    },
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

async function runWith(
  activities: ReturnType<typeof fakes>,
  args: Parameters<typeof ingestPrices>,
  workflowId = randomUUID(),
): Promise<PricesRunResult> {
  const [etl, data] = await fakeWorkers(activities);
  return data.runUntil(
    etl.runUntil(
      env.client.workflow.execute(ingestPrices, {
        taskQueue: TASK_QUEUES.etl,
        workflowId,
        args,
      }),
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
      outcome: 'succeeded',
    });
    expect(activities.seen.ledger.at(-1)).toEqual({ event: 'finished', status: 'COMPLETED', outcome: 'succeeded' });
  });

  it('ends with the detection step over the run, and carries its counts', async () => {
    const activities = fakes(batchesOf(3));
    const workflowId = randomUUID();
    const result = await runWith(activities, [{ source: 'csv', path: '/x' }], workflowId);
    expect(activities.seen.detections).toHaveLength(1);
    expect(activities.seen.detections[0].workflowId).toBe(workflowId);
    expect(result).toMatchObject({ rowsLoaded: 24, symbolsChecked: 3, suspectedActions: 2, suspectedBadBars: 1 });
    expect(result.suspected).toEqual([{ symbol: 'S1', date: '2020-01-02', reason: 'suspected_bad_bar' }]);
  });

  it('reports a failed detection step without failing the loads', async () => {
    const activities = fakes(batchesOf(2), { failDetection: true });
    const result = await runWith(activities, [{ source: 'csv', path: '/x' }]);
    expect(result.outcome).toBe('succeeded');
    expect(result.rowsLoaded).toBe(16);
    expect(result.suspectedActions).toBeUndefined();
    expect(result.suspectedDetectionFailure).toEqual({ type: 'TestFailure', message: 'corporate_actions is gone' });
  });

  it('reports a permanently failed batch by symbol, retries a transient failure, and loads the rest', async () => {
    const activities = fakes(batchesOf(4), { failBatch: 'b0002', flakyBatch: 'b0003' });
    const result = await runWith(activities, [{ source: 'csv', path: '/x' }]);
    expect(activities.seen.transformAttempts.get('b0002')).toBe(1);
    expect(activities.seen.transformAttempts.get('b0003')).toBe(3);
    expect(result.batchesFailed).toBe(1);
    expect(result.failures).toEqual([
      { batchKey: 'b0002', symbols: ['S2'], files: ['test'], type: FAILURE_TYPES.unknownLayout, message: 'bad header' },
    ]);
    expect(result.rowsLoaded).toBe(3 * 8);
    expect(result.outcome).toBe('partial');
    expect(activities.seen.ledger).toEqual([
      { event: 'started', kind: 'prices' },
      { event: 'finished', status: 'COMPLETED', outcome: 'partial' },
    ]);
  });

  it('answers the progress query with failures by symbol after it completes', async () => {
    const activities = fakes(batchesOf(3), { failBatch: 'b0001' });
    const workflowId = randomUUID();
    const [etl, data] = await fakeWorkers(activities);
    const progress = await data.runUntil(
      etl.runUntil(async () => {
        await env.client.workflow.execute(ingestPrices, {
          taskQueue: TASK_QUEUES.etl,
          workflowId,
          args: [{ source: 'csv', path: '/x' }],
        });
        return env.client.workflow.getHandle(workflowId).query(progressQuery);
      }),
    );
    expect(progress).toEqual({
      kind: 'prices',
      outcome: 'partial',
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

  it('is failed when every batch failed, and describes itself with search attributes, memo and details', async () => {
    const activities = fakes(batchesOf(2), { failBatch: () => true });
    const workflowId = randomUUID();
    const [etl, data] = await fakeWorkers(activities);
    const { result, description, metadata } = await data.runUntil(
      etl.runUntil(async () => {
        // Started without any metadata, as the Temporal CLI or a schedule would.
        const handle = await env.client.workflow.start(ingestPrices, {
          taskQueue: TASK_QUEUES.etl,
          workflowId,
          args: [{ source: 'csv', path: '/data/prices.csv' }],
        });
        const done: IngestPricesResult = await handle.result();
        // What the Temporal UI shows as the run's current details.
        const shown = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
        return { result: done, description: await handle.describe(), metadata: shown };
      }),
    );
    expect(result.outcome).toBe('failed');
    expect(result.batchesFailed).toBe(2);
    expect(result.rowsLoaded).toBe(0);
    expect(activities.seen.ledger.at(-1)).toEqual({ event: 'finished', status: 'COMPLETED', outcome: 'failed' });
    expect(description.searchAttributes).toMatchObject({
      IbyRunKind: ['prices'],
      IbySource: ['csv'],
      IbySymbolCount: [2],
    });
    expect(description.memo).toEqual({ kind: 'prices', summary: 'Prices from csv: prices.csv', outcome: 'failed' });
    expect(metadata.currentDetails).toMatch(/^\*\*Failed\*\*: 2\/2 batches done, 2 failed/);
  });

  it('records a cancelled run in the ledger, from a scope the cancellation cannot reach', async () => {
    const activities = fakes(batchesOf(2), { slow: true });
    const workflowId = randomUUID();
    const [etl, data] = await fakeWorkers(activities);
    await data.runUntil(
      etl.runUntil(async () => {
        const handle = await env.client.workflow.start(ingestPrices, {
          taskQueue: TASK_QUEUES.etl,
          workflowId,
          args: [{ source: 'csv', path: '/x' }],
        });
        while (activities.seen.transformAttempts.size === 0) await new Promise((r) => setTimeout(r, 50));
        await handle.cancel();
        await expect(handle.result()).rejects.toThrow();
      }),
    );
    expect(activities.seen.ledger).toEqual([
      { event: 'started', kind: 'prices' },
      { event: 'finished', status: 'CANCELED', outcome: null },
    ]);
  });

  it('records a run whose plan failed as failed, with the type and a truncated message', async () => {
    const activities = fakes([], { failPlan: true });
    await expect(runWith(activities, [{ source: 'csv', path: '/x' }])).rejects.toThrow();
    expect(activities.seen.ledger).toEqual([
      { event: 'started', kind: 'prices' },
      { event: 'finished', status: 'FAILED', outcome: 'failed' },
    ]);
    const [error] = activities.seen.ledgerErrors;
    expect(error.type).toBe(FAILURE_TYPES.unknownLayout);
    expect(error.message.length).toBeLessThan(3000);
  });
});

describe('ingestPrices from stooq: one activity per symbol', () => {
  const noData = (symbol: string) =>
    ApplicationFailure.nonRetryable(`Stooq has no data for symbol ${symbol}`, FAILURE_TYPES.unknownSymbol, { symbol });

  /** `bars`: symbols Stooq has bars for in the range; `known`: symbols it knows at all (the probe's answer). */
  function stooqFakes(batches: PlannedBatch[], stooq: { bars: string[]; known: string[] }) {
    const activities = fakes(batches);
    const seen = {
      fetched: [] as string[],
      probed: [] as string[],
      sources: new Set<string>(),
      parts: new Map<string, RawPart[]>(),
    };
    // New runs fetch through the provider registry's activities (`fetchStooqSymbol` only in recorded histories).
    activities.etl.fetchProviderSymbol = ({ source, symbol, runDate }) => {
      seen.sources.add(source);
      seen.fetched.push(symbol);
      if (!stooq.bars.includes(symbol)) return Promise.reject(noData(symbol));
      const key = `raw/stooq/prices/${runDate}/${symbol}.csv`;
      return Promise.resolve({ key, sha256: symbol, bytes: 1, symbol, origin: `stooq ${symbol}` });
    };
    activities.etl.probeProviderSymbol = ({ source, symbol }) => {
      seen.sources.add(source);
      seen.probed.push(symbol);
      return stooq.known.includes(symbol) ? Promise.resolve() : Promise.reject(noData(symbol));
    };
    const transform = activities.etl.transformPriceBatch;
    activities.etl.transformPriceBatch = (input) => {
      seen.parts.set(input.batchKey, input.parts);
      return transform(input);
    };
    return { ...activities, stooq: seen };
  }

  async function runStooq(
    activities: ReturnType<typeof stooqFakes>,
    request: Omit<Parameters<typeof ingestPrices>[0], 'source'>,
  ) {
    const [etl, data] = await fakeWorkers(activities);
    // Planning and every fetch run on Stooq's own queue.
    const provider = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUES.etlStooq,
      activities: activities.etl,
    });
    return provider.runUntil(
      data.runUntil(
        etl.runUntil(
          env.client.workflow.execute(ingestPrices, {
            taskQueue: TASK_QUEUES.etl,
            workflowId: randomUUID(),
            args: [{ ...request, source: 'stooq' }],
          }),
        ),
      ),
    );
  }

  const failedPart = (symbol: string): RawPart => ({
    key: '',
    sha256: '',
    bytes: 0,
    symbol,
    origin: symbol,
    failure: { type: FAILURE_TYPES.unknownSymbol, message: `Stooq has no data for symbol ${symbol}` },
  });

  it('hands a failed symbol to the transform as a failed part, and fails a batch only when all its symbols fail', async () => {
    const activities = stooqFakes(
      [
        { batchKey: 'b0001', symbols: ['A.US', 'NOPE.US', 'B.US'] },
        { batchKey: 'b0002', symbols: ['X.US', 'Y.US'] },
      ],
      { bars: ['A.US', 'B.US'], known: ['A.US', 'B.US'] },
    );

    const result = await runStooq(activities, { symbols: ['A.US', 'NOPE.US', 'B.US', 'X.US', 'Y.US'] });

    expect([...activities.stooq.fetched].sort()).toEqual(['A.US', 'B.US', 'NOPE.US', 'X.US', 'Y.US']);
    expect([...activities.stooq.sources]).toEqual(['stooq']);
    // Without a range, "No data" is an unknown symbol: nothing to probe.
    expect(activities.stooq.probed).toEqual([]);
    const aPart = activities.stooq.parts.get('b0001')?.[0];
    expect(aPart?.key).toMatch(/^raw\/stooq\/prices\/\d{4}-\d{2}-\d{2}\/A\.US\.csv$/);
    expect(activities.stooq.parts.get('b0001')?.map((part) => part.symbol)).toEqual(['A.US', 'NOPE.US', 'B.US']);
    expect(activities.stooq.parts.get('b0001')?.[1]).toEqual(failedPart('NOPE.US'));
    expect(activities.stooq.parts.has('b0002')).toBe(false);
    expect(result.batchesFailed).toBe(1);
    expect(result.failures).toEqual([
      {
        batchKey: 'b0002',
        symbols: ['X.US', 'Y.US'],
        type: FAILURE_TYPES.unknownSymbol,
        message:
          'every symbol of the batch failed: X.US: UnknownSymbol: Stooq has no data for symbol X.US; ' +
          'Y.US: UnknownSymbol: Stooq has no data for symbol Y.US',
      },
    ]);
    expect(result.outcome).toBe('partial');
  });

  it('probes a symbol without bars in a range: a known one adds no part, an unknown one fails alone', async () => {
    const activities = stooqFakes([{ batchKey: 'b0001', symbols: ['A.US', 'WEEKEND.US', 'NOPE.US'] }], {
      bars: ['A.US'],
      known: ['A.US', 'WEEKEND.US'],
    });

    const result = await runStooq(activities, {
      symbols: ['A.US', 'WEEKEND.US', 'NOPE.US'],
      from: '2017-01-07',
      to: '2017-01-08',
    });

    expect([...activities.stooq.probed].sort()).toEqual(['NOPE.US', 'WEEKEND.US']);
    expect(activities.stooq.parts.get('b0001')?.map((part) => part.symbol)).toEqual(['A.US', 'NOPE.US']);
    expect(activities.stooq.parts.get('b0001')?.[1]).toEqual(failedPart('NOPE.US'));
    expect(result.batchesFailed).toBe(0);
  });
});
