import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { TASK_QUEUES } from '../contracts';
import { createEtlActivities } from '../activities/etl';
import type { ObjectStore } from '../infra/s3';
import type { SourceRegistry } from '../sources';
import { workflowCode } from './shared/workflow-bundle';

export interface EtlWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  s3: ObjectStore;
  sources: SourceRegistry;
  /** Requests per second allowed against Stooq, across every replica (enforced by the Temporal server). */
  stooqRequestsPerSecond: number;
  /** MAX_LINE_BYTES, for the transform's parser (the csv source gets it when it is built). */
  maxLineBytes?: number;
  /** A workflow bundle built by the caller (tests build one once); otherwise the build's, or the sources. */
  workflowBundle?: { code: string };
  interceptors?: WorkerOptions['interceptors'];
}

/** The etl service: ingest workflows plus plan/transform on `etl`, and collection from Stooq on its own queue. */
export async function createEtlWorkers(o: EtlWorkerOptions): Promise<Worker[]> {
  const activities = createEtlActivities({ s3: o.s3, sources: o.sources, maxLineBytes: o.maxLineBytes });
  const workflows = o.workflowBundle ? { workflowBundle: o.workflowBundle } : workflowCode();
  const common = { connection: o.connection, namespace: o.namespace, interceptors: o.interceptors };
  return Promise.all([
    Worker.create({ ...common, ...workflows, taskQueue: TASK_QUEUES.etl, activities }),
    Worker.create({
      ...common,
      taskQueue: TASK_QUEUES.etlStooq,
      activities: { collectPriceBatch: activities.collectPriceBatch, planPriceBatches: activities.planPriceBatches },
      maxTaskQueueActivitiesPerSecond: o.stooqRequestsPerSecond,
    }),
  ]);
}
