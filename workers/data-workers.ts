import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import type { Pool } from 'pg';
import { TASK_QUEUES } from '../contracts';
import { createDataActivities, type DataDeps } from '../activities/data';
import type { ObjectStore } from '../infra/s3';
import type { WorkerTuning } from './shared/worker-tuning';

export interface DataWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  db: Pool;
  s3: ObjectStore;
  invalidatePrices: DataDeps['invalidatePrices'];
  interceptors?: WorkerOptions['interceptors'];
  /** Identity, limits and shutdown grace of this process (workers/shared/worker-tuning.ts). */
  tuning?: WorkerTuning;
}

/** The data service: loads and ledgers on `data`. Its concurrency is bounded by the database pool. */
export async function createDataWorkers(o: DataWorkerOptions): Promise<Worker[]> {
  return [
    await Worker.create({
      maxConcurrentActivityTaskExecutions: 4,
      ...o.tuning,
      connection: o.connection,
      namespace: o.namespace,
      interceptors: o.interceptors,
      taskQueue: TASK_QUEUES.data,
      activities: createDataActivities({ db: o.db, s3: o.s3, invalidatePrices: o.invalidatePrices }),
    }),
  ];
}
