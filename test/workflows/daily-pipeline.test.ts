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
import type { createAnalysisActivities } from '../../activities/analysis';
import type { createDataActivities } from '../../activities/data';
import type { createEtlActivities } from '../../activities/etl';
import {
  emptyRowCounts,
  FAILURE_TYPES,
  SEARCH_ATTRIBUTES,
  TASK_QUEUES,
  type AnalyzeRequest,
  type IngestPricesRequest,
} from '../../contracts';
import { dailyPipeline, type DailyPipelineRequest } from '../../workflows/daily-pipeline';
import { testServerBinaries } from '../support/tools';

type EtlActivities = ReturnType<typeof createEtlActivities>;
type DataActivities = ReturnType<typeof createDataActivities>;
type AnalysisActivities = ReturnType<typeof createAnalysisActivities>;

let env: TestWorkflowEnvironment;
let bundle: WorkflowBundleWithSourceMap;

beforeAll(async () => {
  Runtime.install({ logger: new DefaultLogger('WARN') });
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

const notHere = () => Promise.reject(new Error('not an activity of this test'));

/** Symbols per file; `unchanged` had every row already stored, so its load changed nothing. */
const FILES: Record<string, string[]> = { '/gspc.csv': ['^GSPC'], '/stocks.csv': ['AAPL', 'MSFT', 'OLD'] };

/** Fakes typed against the production factories: renaming an activity breaks this test at compile time. */
function fakes(behaviour: { failPrices?: string; unchanged?: string[]; lastFundamentals?: string | null } = {}) {
  const seen = {
    order: [] as string[],
    analysisRequests: [] as AnalyzeRequest[],
    ledger: [] as { event: string; kind?: string; outcome?: string | null }[],
  };
  const etl: EtlActivities = {
    planPriceBatches: ({ request }: { request: IngestPricesRequest }) => {
      seen.order.push(`plan prices ${request.path}`);
      if (request.path === behaviour.failPrices)
        return Promise.reject(ApplicationFailure.nonRetryable('no such layout', FAILURE_TYPES.unknownLayout));
      const symbols = FILES[request.path!];
      return Promise.resolve([
        { batchKey: 'b0001', symbols, parts: [{ key: 'raw', sha256: 'x', bytes: 1, origin: 'f' }] },
      ]);
    },
    collectPriceBatch: notHere,
    fetchStooqSymbol: notHere,
    probeStooqSymbol: notHere,
    fetchProviderSymbol: notHere,
    probeProviderSymbol: notHere,
    planFundamentalsBatches: notHere,
    transformFundamentalsBatch: notHere,
    collectCompanyFacts: notHere,
    collectSecTickers: notHere,
    fetchFredSeries: notHere,
    transformPriceBatch: ({ batchKey, parts }) => {
      void parts;
      const counts = { ...emptyRowCounts(), rowsRead: 3, rowsLoaded: 3 };
      return Promise.resolve({
        staged: { key: `staged/${batchKey}`, sha256: 's', bytes: 1 },
        rejected: null,
        counts,
        symbols: [],
      });
    },
  };
  const data: DataActivities = {
    loadPriceBatch: ({ parts, workflowId }) => {
      void parts;
      const symbols = workflowId.endsWith('prices-1') ? FILES['/gspc.csv'] : FILES['/stocks.csv'];
      const changed = symbols.filter((s) => !behaviour.unchanged?.includes(s));
      return Promise.resolve({
        rowsInserted: changed.length,
        rowsUpdated: 0,
        rowsUnchanged: 0,
        changedSymbols: changed,
      });
    },
    detectSuspectedActions: () =>
      Promise.resolve({ symbolsChecked: 0, suspectedActions: 0, suspectedBadBars: 0, suspected: [] }),
    loadFundamentalsBatch: notHere,
    loadMacroSeries: notHere,
    lastFinishedRunAt: () => {
      seen.order.push('last fundamentals run');
      return Promise.resolve(behaviour.lastFundamentals ?? null);
    },
    recordRunStarted: (run) => {
      seen.ledger.push({ event: 'started', kind: run.runKind });
      return Promise.resolve();
    },
    recordRunFinished: (run) => {
      seen.ledger.push({ event: 'finished', outcome: run.outcome });
      return Promise.resolve(true);
    },
  };
  const analysis: AnalysisActivities = {
    planAnalysis: (request) => {
      seen.order.push('plan analysis');
      seen.analysisRequests.push(request);
      return Promise.resolve([{ batchKey: 'b0001', symbols: request.symbols ?? ['ALL'], benchmark: '^GSPC' }]);
    },
    analyzeSymbols: (input) =>
      Promise.resolve({
        batchKey: input.batchKey,
        analysed: input.symbols.map((symbol) => ({
          symbol,
          asOf: '2018-02-07',
          bars: 3,
          chartKeys: {},
          reportKey: null,
        })),
        failures: [],
        barsRead: 3 * input.symbols.length,
      }),
  };
  return { etl, data, analysis, seen };
}

async function runPipeline(activities: ReturnType<typeof fakes>, request: DailyPipelineRequest) {
  const workers = await Promise.all([
    Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUES.etl,
      workflowBundle: bundle,
      activities: activities.etl,
    }),
    Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUES.data, activities: activities.data }),
    Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUES.analysis,
      workflowBundle: bundle,
      activities: activities.analysis,
    }),
  ]);
  const run = env.client.workflow.execute(dailyPipeline, {
    taskQueue: TASK_QUEUES.analysis,
    workflowId: `pipeline-test-${randomUUID()}`,
    args: [request],
  });
  const [etl, data, analysis] = workers;
  return etl.runUntil(data.runUntil(analysis.runUntil(run)));
}

const request = (extra: Partial<DailyPipelineRequest> = {}): DailyPipelineRequest => ({
  prices: [
    { source: 'csv', path: '/gspc.csv', symbol: '^GSPC', batchSize: 50 },
    { source: 'csv', path: '/stocks.csv', batchSize: 50 },
  ],
  analysis: { benchmark: '^GSPC', batchSize: 25, symbols: 'changed' },
  ...extra,
});

describe('dailyPipeline workflow', () => {
  it('runs prices in order, then analyses exactly the symbols whose bars changed, and succeeds', async () => {
    const activities = fakes({ unchanged: ['OLD'] });
    const result = await runPipeline(activities, request());
    expect(activities.seen.order).toEqual(['plan prices /gspc.csv', 'plan prices /stocks.csv', 'plan analysis']);
    expect(result.changedSymbols).toEqual(['AAPL', 'MSFT', '^GSPC']);
    expect(activities.seen.analysisRequests).toEqual([
      { benchmark: '^GSPC', batchSize: 25, symbols: ['AAPL', 'MSFT', '^GSPC'] },
    ]);
    expect(result.stages.map((s) => [s.name, s.status, s.children.map((c) => c.outcome)])).toEqual([
      ['prices', 'done', ['succeeded', 'succeeded']],
      ['fundamentals', 'skipped', []],
      ['analysis', 'done', ['succeeded']],
    ]);
    expect(result.outcome).toBe('succeeded');
    expect(activities.seen.ledger.filter((e) => e.kind === 'pipeline' || e.outcome)).toContainEqual({
      event: 'started',
      kind: 'pipeline',
    });
    expect(activities.seen.ledger.at(-1)).toEqual({ event: 'finished', outcome: 'succeeded' });
  });

  it('analyses every symbol when asked, and skips fundamentals that are fresh enough', async () => {
    const activities = fakes({
      unchanged: ['^GSPC', 'AAPL', 'MSFT', 'OLD'],
      lastFundamentals: new Date().toISOString(),
    });
    const result = await runPipeline(
      activities,
      request({
        analysis: { batchSize: 25, symbols: 'all' },
        fundamentals: { source: 'file', path: '/facts', batchSize: 10 },
        fundamentalsMaxAgeDays: 7,
      }),
    );
    expect(activities.seen.order).toEqual([
      'plan prices /gspc.csv',
      'plan prices /stocks.csv',
      'last fundamentals run',
      'plan analysis',
    ]);
    expect(result.changedSymbols).toEqual([]);
    expect(activities.seen.analysisRequests).toEqual([{ batchSize: 25 }]);
    expect(result.stages[1].status).toBe('skipped');
    expect(result.stages[1].reason).toMatch(/max age 7/);
    expect(result.outcome).toBe('succeeded');
  });

  it('is partial when one price run fails, and failed when nothing succeeded', async () => {
    const partial = await runPipeline(fakes({ failPrices: '/gspc.csv' }), request());
    expect(partial.stages[0].children.map((c) => c.outcome)).toEqual(['failed', 'succeeded']);
    expect(partial.changedSymbols).toEqual(['AAPL', 'MSFT', 'OLD']);
    expect(partial.outcome).toBe('partial');

    const failed = await runPipeline(fakes({ failPrices: '/gspc.csv' }), request({ prices: [request().prices[0]] }));
    expect(failed.stages.map((s) => s.status)).toEqual(['done', 'skipped', 'skipped']);
    expect(failed.outcome).toBe('failed');
  });
});
