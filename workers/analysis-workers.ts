import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { TASK_QUEUES } from '../contracts';
import { createAnalysisActivities, type AnalysisDeps } from '../activities/analysis';
import { workflowCode } from './shared/workflow-bundle';

export interface AnalysisWorkerOptions extends AnalysisDeps {
  connection: NativeConnection;
  namespace: string;
  /** A workflow bundle built by the caller (tests build one once); otherwise the build's, or the sources. */
  workflowBundle?: { code: string };
  interceptors?: WorkerOptions['interceptors'];
  /** Analyses are CPU-bound: about one per core. */
  maxConcurrentActivities?: number;
}

/** The analysis service: analysis workflows and compute/store/warm activities on `analysis`. */
export async function createAnalysisWorkers(o: AnalysisWorkerOptions): Promise<Worker[]> {
  const workflows = o.workflowBundle ? { workflowBundle: o.workflowBundle } : workflowCode();
  return [
    await Worker.create({
      connection: o.connection,
      namespace: o.namespace,
      interceptors: o.interceptors,
      taskQueue: TASK_QUEUES.analysis,
      ...workflows,
      activities: createAnalysisActivities({
        db: o.db,
        cache: o.cache,
        s3: o.s3,
        fundamentals: o.fundamentals,
        renderArtifacts: o.renderArtifacts,
        observeRender: o.observeRender,
      }),
      maxConcurrentActivityTaskExecutions: o.maxConcurrentActivities ?? 2,
    }),
  ];
}
