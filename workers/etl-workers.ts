import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { TASK_QUEUES } from '../contracts';
import { createEtlActivities } from '../activities/etl';
import type { ObjectStore } from '../infra/s3';
import type { SourceRegistry } from '../sources';
import type { SecSource } from '../sources/sec';
import { workflowCode } from './shared/workflow-bundle';
import type { WorkerTuning } from './shared/worker-tuning';

export interface EtlWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  s3: ObjectStore;
  sources: SourceRegistry;
  /** Requests per second allowed against Stooq, across every replica (enforced by the Temporal server). */
  stooqRequestsPerSecond: number;
  /** The SEC companyfacts adapter and its rate limit across every replica (SEC allows 10 requests a second). */
  sec?: { source: SecSource; requestsPerSecond: number };
  /** MAX_LINE_BYTES, for the transform's parser (the csv source gets it when it is built). */
  maxLineBytes?: number;
  /** A workflow bundle built by the caller (tests build one once); otherwise the build's, or the sources. */
  workflowBundle?: { code: string };
  interceptors?: WorkerOptions['interceptors'];
  /** Identity, limits and shutdown grace of this process (workers/shared/worker-tuning.ts). */
  tuning?: WorkerTuning;
  /** Provider HTTP (counted by the worker's metrics); the global fetch when left out. */
  fetch?: typeof fetch;
}

/** The etl service: ingest workflows plus plan/transform on `etl`, and collection from Stooq and SEC on their own queues. */
export async function createEtlWorkers(o: EtlWorkerOptions): Promise<Worker[]> {
  const activities = createEtlActivities({
    s3: o.s3,
    sources: o.sources,
    fetch: o.fetch,
    sec: o.sec?.source,
    maxLineBytes: o.maxLineBytes,
  });
  const workflows = o.workflowBundle ? { workflowBundle: o.workflowBundle } : workflowCode();
  const common = { ...o.tuning, connection: o.connection, namespace: o.namespace, interceptors: o.interceptors };
  return Promise.all([
    Worker.create({ ...common, ...workflows, taskQueue: TASK_QUEUES.etl, activities }),
    Worker.create({
      ...common,
      taskQueue: TASK_QUEUES.etlStooq,
      // One HTTP request per fetch or probe, so the limit counts requests; collectPriceBatch only for batches
      // started before Stooq was fetched per symbol.
      activities: {
        fetchStooqSymbol: activities.fetchStooqSymbol,
        probeStooqSymbol: activities.probeStooqSymbol,
        collectPriceBatch: activities.collectPriceBatch,
        planPriceBatches: activities.planPriceBatches,
      },
      maxTaskQueueActivitiesPerSecond: o.stooqRequestsPerSecond,
    }),
    ...(o.sec
      ? [
          Worker.create({
            ...common,
            taskQueue: TASK_QUEUES.etlSec,
            activities: {
              collectCompanyFacts: activities.collectCompanyFacts,
              collectSecTickers: activities.collectSecTickers,
            },
            maxTaskQueueActivitiesPerSecond: o.sec.requestsPerSecond,
          }),
        ]
      : []),
  ]);
}
