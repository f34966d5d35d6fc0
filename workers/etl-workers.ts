import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import { PRICE_PROVIDER_NAMES, providerTaskQueue, TASK_QUEUES, type PriceProvider } from '../contracts';
import { createEtlActivities } from '../activities/etl';
import type { ProviderHealthRecorder } from '../infra/provider-health';
import type { ObjectStore } from '../infra/s3';
import type { SourceRegistry } from '../sources';
import type { SecSource } from '../sources/sec';
import type { FredSource } from '../sources/fred';
import { workflowCode } from './shared/workflow-bundle';
import type { WorkerTuning } from './shared/worker-tuning';

export interface EtlWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  s3: ObjectStore;
  sources: SourceRegistry;
  /** Requests per second allowed against each provider, across every replica (enforced by the Temporal server). */
  providerRequestsPerSecond: Record<PriceProvider, number>;
  /** The SEC companyfacts adapter and its rate limit across every replica (SEC allows 10 requests a second). */
  sec?: { source: SecSource; requestsPerSecond: number };
  /** The FRED observations adapter and its rate limit across every replica (FRED allows 120 requests a minute). */
  fred?: { source: FredSource; requestsPerSecond: number };
  /** MAX_LINE_BYTES, for the transform's parser (the csv source gets it when it is built). */
  maxLineBytes?: number;
  /** A workflow bundle built by the caller (tests build one once); otherwise the build's, or the sources. */
  workflowBundle?: { code: string };
  interceptors?: WorkerOptions['interceptors'];
  /** Identity, limits and shutdown grace of this process (workers/shared/worker-tuning.ts). */
  tuning?: WorkerTuning;
  /** Provider HTTP (counted by the worker's metrics); the global fetch when left out. */
  fetch?: typeof fetch;
  /** Counts each provider request for `GET /v1/providers` (Redis); nothing is counted when left out. */
  providerHealth?: ProviderHealthRecorder;
}

/** The etl service: ingest workflows plus plan/transform on `etl`, and collection from each provider, SEC and FRED on its own queue. */
export async function createEtlWorkers(o: EtlWorkerOptions): Promise<Worker[]> {
  const activities = createEtlActivities({
    s3: o.s3,
    sources: o.sources,
    fetch: o.fetch,
    sec: o.sec?.source,
    fred: o.fred?.source,
    maxLineBytes: o.maxLineBytes,
    providerHealth: o.providerHealth,
  });
  const workflows = o.workflowBundle ? { workflowBundle: o.workflowBundle } : workflowCode();
  const common = { ...o.tuning, connection: o.connection, namespace: o.namespace, interceptors: o.interceptors };
  return Promise.all([
    Worker.create({ ...common, ...workflows, taskQueue: TASK_QUEUES.etl, activities }),
    // One worker per provider queue: every activity on it but planning makes one HTTP request, so the limit counts
    // requests.
    ...PRICE_PROVIDER_NAMES.map((provider) =>
      Worker.create({
        ...common,
        taskQueue: providerTaskQueue(provider),
        activities: {
          fetchProviderSymbol: activities.fetchProviderSymbol,
          probeProviderSymbol: activities.probeProviderSymbol,
          planPriceBatches: activities.planPriceBatches,
          ...(provider === 'stooq' ? stooqRecordedActivities(activities) : {}),
        },
        maxTaskQueueActivitiesPerSecond: o.providerRequestsPerSecond[provider],
      }),
    ),
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
    ...(o.fred
      ? [
          Worker.create({
            ...common,
            taskQueue: TASK_QUEUES.etlFred,
            activities: { fetchFredSeries: activities.fetchFredSeries },
            maxTaskQueueActivitiesPerSecond: o.fred.requestsPerSecond,
          }),
        ]
      : []),
  ]);
}

/**
 * Activity types recorded in Stooq histories from before the provider registry, which a replayed or retried batch
 * may still schedule: per symbol (`stooq-request-per-activity`) and, before that, one whole batch.
 */
function stooqRecordedActivities(activities: ReturnType<typeof createEtlActivities>) {
  return {
    fetchStooqSymbol: activities.fetchStooqSymbol,
    probeStooqSymbol: activities.probeStooqSymbol,
    collectPriceBatch: activities.collectPriceBatch,
  };
}
