import type { ActivityOptions, RetryPolicy } from '@temporalio/common';
import { NON_RETRYABLE_FAILURES } from './failures';
import { TASK_QUEUES } from './task-queues';

/**
 * Activity options per task queue, in one place for every workflow. Heartbeat timeouts stay at or under 20 s, so a
 * worker killed mid-activity is noticed in seconds; every activity given a heartbeat timeout heartbeats every few
 * seconds (see activities/heartbeat.ts).
 */
export const HEARTBEAT_TIMEOUT = '20 seconds';
/**
 * The ETL's own transforms and loads (the etl and data queues) run on this machine's data and heartbeat from a
 * timer, so a shorter timeout is safe, and it is what a crash costs: a run of all 505 symbols takes under 10 s here,
 * and a killed worker's batch waits this long before another worker takes it.
 */
export const LOCAL_WORK_HEARTBEAT_TIMEOUT = '5 seconds';
/**
 * How often long activities heartbeat: well inside LOCAL_WORK_HEARTBEAT_TIMEOUT. Workers forward heartbeats to the
 * server as often (their throttle is set to it, see workers/shared/worker-tuning.ts), not at 80% of the timeout.
 */
export const HEARTBEAT_INTERVAL_MS = 1_000;

/** Transient faults (a provider's 429/5xx, a restarting database) retry with backoff; permanent ones do not. */
export const DEFAULT_RETRY: RetryPolicy = {
  initialInterval: '1s',
  backoffCoefficient: 2,
  maximumInterval: '30s',
  maximumAttempts: 8,
  nonRetryableErrorTypes: NON_RETRYABLE_FAILURES,
};

/** Attempts at one symbol on one provider under `source: "auto"` before the next provider is tried. */
export const FAILOVER_ATTEMPTS = 3;

export const ACTIVITY_OPTIONS = {
  /** Planning a run: reads a folder or a file index, on the source's collect queue. */
  plan: (taskQueue: string): ActivityOptions => ({
    taskQueue,
    startToCloseTimeout: '30 minutes',
    heartbeatTimeout: HEARTBEAT_TIMEOUT,
    retry: { ...DEFAULT_RETRY, maximumAttempts: 5 },
  }),
  /** Collecting from a provider, on its own rate-limited queue. */
  collect: (taskQueue: string): ActivityOptions => ({
    taskQueue,
    startToCloseTimeout: '30 minutes',
    heartbeatTimeout: HEARTBEAT_TIMEOUT,
    retry: { ...DEFAULT_RETRY, maximumAttempts: 10 },
  }),
  /**
   * Collecting from one provider of several (`source: "auto"`): a few quick retries, then the symbol passes to the
   * next provider, so a provider that keeps throttling costs seconds, not the hour `collect`'s retries may take.
   * The schedule-to-close bound also caps a long Retry-After (which Temporal honours over the backoff): a symbol
   * never waits on one provider longer than this. It counts the wait in the rate-limited queue too, so it is set well
   * above what a run's symbols in flight take to start (4 batches of 50 at 1 request a second: under 4 minutes).
   */
  failoverCollect: (taskQueue: string): ActivityOptions => ({
    taskQueue,
    startToCloseTimeout: '5 minutes',
    scheduleToCloseTimeout: '1 hour',
    heartbeatTimeout: HEARTBEAT_TIMEOUT,
    retry: { ...DEFAULT_RETRY, maximumInterval: '5s', maximumAttempts: FAILOVER_ATTEMPTS },
  }),
  /** Parsing and validation on the etl queue. */
  etl: {
    taskQueue: TASK_QUEUES.etl,
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: LOCAL_WORK_HEARTBEAT_TIMEOUT,
    retry: DEFAULT_RETRY,
  },
  /** Loads into Postgres on the data queue. */
  data: {
    taskQueue: TASK_QUEUES.data,
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: LOCAL_WORK_HEARTBEAT_TIMEOUT,
    retry: DEFAULT_RETRY,
  },
  /** Analysis on the analysis queue. */
  analysis: {
    taskQueue: TASK_QUEUES.analysis,
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: HEARTBEAT_TIMEOUT,
    retry: DEFAULT_RETRY,
  },
  /** Short bookkeeping (the run ledger): one statement, no heartbeat needed. */
  ledger: {
    taskQueue: TASK_QUEUES.data,
    startToCloseTimeout: '1 minute',
    retry: { ...DEFAULT_RETRY, maximumAttempts: 10 },
  },
} as const satisfies Record<string, ActivityOptions | ((taskQueue: string) => ActivityOptions)>;
