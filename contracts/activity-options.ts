import type { ActivityOptions, RetryPolicy } from '@temporalio/common';
import { NON_RETRYABLE_FAILURES } from './failures';
import { TASK_QUEUES } from './task-queues';

/**
 * Activity options per task queue, in one place for every workflow. Heartbeat timeouts stay at or under 20 s, so a
 * worker killed mid-activity is noticed in seconds; every activity given a heartbeat timeout heartbeats every few
 * seconds (see infra/heartbeat.ts).
 */
export const HEARTBEAT_TIMEOUT = '20 seconds';
/** How often long activities heartbeat: well inside HEARTBEAT_TIMEOUT. */
export const HEARTBEAT_INTERVAL_MS = 5_000;

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
    heartbeatTimeout: HEARTBEAT_TIMEOUT,
    retry: DEFAULT_RETRY,
  },
  /** Loads into Postgres on the data queue. */
  data: {
    taskQueue: TASK_QUEUES.data,
    startToCloseTimeout: '10 minutes',
    heartbeatTimeout: HEARTBEAT_TIMEOUT,
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
