import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, type Worker } from '@temporalio/worker';
import { PRICES_RUN, startRun } from '../../application/runs';
import type { IngestPricesResult } from '../../contracts';
import { createLogger } from '../../infra/logger';
import { createObjectStore, ensureBucket } from '../../infra/s3';
import { findFreePort } from '../../infra/local-stack/free-port';
import { installTemporalRuntime } from '../../infra/telemetry/temporal-runtime';
import { createAutoSource } from '../../sources/auto';
import { createCsvSource } from '../../sources/csv';
import { createPriceProviders, providerRequestsPerSecond } from '../../sources/providers';
import { createDataWorkers } from '../../workers/data-workers';
import { createEtlWorkers } from '../../workers/etl-workers';
import { createWorkerMetrics } from '../../workers/shared/metrics';
import { startOpsServer, type OpsServer } from '../../workers/shared/ops-server';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../../workers/shared/workflow-bundle';
import { testProviderSettings } from '../support/provider-settings';
import { sharedStooqFixtures, startStooqServer, type StooqServer } from '../support/stooq-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let stooq: StooqServer;
let database: TestDatabase;
let ops: OpsServer;
let opsPort: number;
let connection: Connection;
let nativeConnection: NativeConnection;
let workers: Worker[];
let running: Promise<void>[];
/** Every line the runtime logger wrote (SDK, Rust core, workflow and activity logs), parsed. */
const logLines: Record<string, unknown>[] = [];
const logSink = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString().split('\n').filter(Boolean))
      logLines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});

beforeAll(async () => {
  // The same runtime a worker process installs: SDK metrics on a private port, folded into /metrics.
  const logger = createLogger('metrics-test', 'debug', logSink);
  const telemetry = await installTemporalRuntime(logger, 'debug', { service: 'test' });
  stooq = await startStooqServer(sharedStooqFixtures(), { 'msft.us': [429] });
  database = await createTestDatabase();
  const s3 = createObjectStore({
    endpoint: process.env.S3_ENDPOINT ?? '',
    accessKey: process.env.S3_ACCESS_KEY ?? '',
    secretKey: process.env.S3_SECRET_KEY ?? '',
    bucket: `iby-test-${randomBytes(4).toString('hex')}`,
    region: 'us-east-1',
  });
  await ensureBucket(s3, 'us-east-1');
  const address = process.env.TEMPORAL_ADDRESS ?? '';
  nativeConnection = await NativeConnection.connect({ address });
  connection = await Connection.connect({ address });
  const { registry, activityInterceptor, providerFetch } = createWorkerMetrics('test');
  const interceptors = { activity: [activityInterceptor] };
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    logger: new DefaultLogger('WARN'),
  });
  const providers = testProviderSettings({ stooq: { url: stooq.url } });
  workers = [
    ...(await createEtlWorkers({
      connection: nativeConnection,
      namespace: 'default',
      s3,
      sources: {
        csv: createCsvSource(),
        auto: createAutoSource(['stooq']),
        ...createPriceProviders(providers),
      },
      providerRequestsPerSecond: providerRequestsPerSecond(providers),
      workflowBundle,
      interceptors,
      fetch: providerFetch,
    })),
    ...(await createDataWorkers({
      connection: nativeConnection,
      namespace: 'default',
      db: database.pool,
      s3,
      invalidatePrices: () => Promise.resolve(),
      interceptors,
    })),
  ];
  running = workers.map((w) => w.run());
  opsPort = await findFreePort();
  ops = await startOpsServer(opsPort, registry, () => ({}), telemetry.sdkMetricsUrl);
});

afterAll(async () => {
  workers?.forEach((w) => w.shutdown());
  await Promise.allSettled(running ?? []);
  await ops?.close();
  await connection?.close();
  await nativeConnection?.close();
  await database?.drop();
  await stooq?.close();
});

/** The value of the sample `name{labels}` whatever order the exporter wrote the labels in. */
const sample = (text: string, series: string): number => {
  const [name, labels = ''] = series.replace(/}$/, '').split('{');
  const wanted = labels ? labels.split(',') : [];
  const line = text.split('\n').find((l) => {
    const match = /^([^{ ]+)(?:\{([^}]*)\})? /.exec(l);
    const have = match?.[2]?.split(',') ?? [];
    return match?.[1] === name && have.length === wanted.length && wanted.every((w) => have.includes(w));
  });
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
};

describe("a worker's /metrics after a run", () => {
  it('serves the Temporal SDK metrics under the dashboard names, and domain metrics counted from the work', async () => {
    // Started the way the API starts runs, with the id of the request that asked.
    const client = new Client({ connection });
    const requestId = randomUUID();
    const { workflowId } = await startRun(
      client,
      PRICES_RUN,
      { source: 'stooq', symbols: ['AAPL.US', 'MSFT.US'], batchSize: 1 },
      { requestId, idempotencyKey: `metrics-${Date.now()}` },
    );
    const result = (await client.workflow.getHandle(workflowId).result()) as IngestPricesResult;
    expect(result.rowsLoaded).toBeGreaterThan(0);

    const text = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
    // Temporal's SDK dashboards query these names.
    for (const name of [
      'temporal_workflow_completed_total',
      'temporal_workflow_task_schedule_to_start_latency_seconds_bucket',
      'temporal_activity_execution_latency_seconds_bucket',
      'temporal_activity_schedule_to_start_latency_seconds_bucket',
      'temporal_request_total',
    ]) {
      expect([name, text.includes(name)]).toEqual([name, true]);
    }
    const stooqHost = new URL(stooq.url).host;
    expect(sample(text, `iby_rows_loaded_total{source="stooq",service="test"}`)).toBe(result.rowsLoaded);
    expect(sample(text, `iby_rows_read_total{source="stooq",service="test"}`)).toBe(result.rowsRead);
    expect(sample(text, `iby_provider_requests_total{provider="${stooqHost}",status="429",service="test"}`)).toBe(1);
    expect(sample(text, `iby_provider_requests_total{provider="${stooqHost}",status="200",service="test"}`)).toBe(2);
    expect(sample(text, `iby_provider_throttles_total{provider="${stooqHost}",service="test"}`)).toBe(1);
    expect(sample(text, `iby_load_duration_seconds_count{source="stooq",outcome="completed",service="test"}`)).toBe(2);

    // The request id reached the run's memo, its child workflows and its activities' log lines.
    const memo = (await client.workflow.getHandle(workflowId).describe()).memo;
    expect(memo?.requestId).toBe(requestId);
    const ofRun = logLines.filter((l) => typeof l.workflowId === 'string' && l.workflowId.startsWith(workflowId));
    const activityLines = ofRun.filter((l) => l.activityType && l.msg === 'Activity completed');
    const childLines = ofRun.filter((l) => l.workflowType === 'ingestPriceBatch' && !l.activityType);
    expect(activityLines.length).toBeGreaterThanOrEqual(6);
    expect(childLines.length).toBeGreaterThan(0);
    expect([...activityLines, ...childLines].filter((l) => l.requestId !== requestId)).toEqual([]);
    expect(logLines.every((l) => l.service === 'metrics-test')).toBe(true);
  });
});
