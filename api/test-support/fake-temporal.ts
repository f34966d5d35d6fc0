import {
  ServiceError,
  WorkflowExecutionAlreadyStartedError,
  WorkflowFailedError,
  WorkflowNotFoundError,
  type Client,
  type ListOptions,
  type WorkflowExecutionStatusName,
  type WorkflowStartOptions,
} from '@temporalio/client';
import { TypedSearchAttributes, type SearchAttributePair } from '@temporalio/common';
import type { IngestProgress } from '../../contracts';
import { FakeSchedules } from './fake-schedules';

export interface FakeRun {
  workflowId: string;
  runId: string;
  type: string;
  status: WorkflowExecutionStatusName;
  startTime: Date;
  closeTime?: Date;
  /** What the `progress` query answers; an Error makes the query fail. */
  progress?: IngestProgress | Record<string, unknown> | Error;
  result?: unknown;
  /** The failure cause `result()` rejects with when the status is FAILED/TERMINATED/TIMED_OUT. */
  failure?: Error;
  memo?: Record<string, unknown>;
  searchAttributes?: SearchAttributePair[];
}

export interface RecordedStart {
  workflowType: string;
  options: WorkflowStartOptions;
}

/** A gRPC UNAVAILABLE error wrapped the way the Temporal client wraps it. */
export function temporalUnavailableError(): Error {
  const grpc = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
    code: 14,
    details: 'No connection established',
    metadata: {},
  });
  return new ServiceError('Failed to start Workflow', { cause: grpc });
}

/**
 * An in-memory Temporal with the parts of `Client` the API uses. It applies the ID conflict and reuse policies
 * the way the server does, so the start logic is tested against that behaviour, not against a mock's echo.
 */
export class FakeTemporal {
  readonly runs = new Map<string, FakeRun>();
  readonly starts: RecordedStart[] = [];
  readonly cancelled: string[] = [];
  /** `client.schedule`: schedules in memory, with the server's not-found and already-running errors. */
  readonly schedules = new FakeSchedules();
  listQueries: string[] = [];
  /** Set to make every call fail as if the server were unreachable. */
  unavailable = false;
  /** Set to make every call wait forever, as a paused server does. */
  hanging = false;
  private nextRun = 1;

  add(run: Partial<FakeRun> & { workflowId: string }): FakeRun {
    const full: FakeRun = {
      runId: `run-${this.nextRun++}`,
      type: 'ingestPrices',
      status: 'RUNNING',
      startTime: new Date('2024-05-01T10:00:00Z'),
      ...run,
    };
    this.runs.set(full.workflowId, full);
    return full;
  }

  /** The one place the fake is cast: it implements only what the routes call. */
  asClient(): Client {
    const fake = {
      workflow: {
        // The real client takes the workflow function and starts the type named after it.
        start: (workflow: string | ((...args: never[]) => unknown), options: WorkflowStartOptions) =>
          this.start(typeof workflow === 'string' ? workflow : workflow.name, options),
        getHandle: (workflowId: string) => this.handle(workflowId),
        list: (options: ListOptions) => this.list(options),
      },
      schedule: this.schedules.client(),
      workflowService: {
        getSystemInfo: () =>
          this.attempt(() => {
            this.failIfUnavailable();
            return {};
          }),
      },
    };
    return fake as unknown as Client;
  }

  private failIfUnavailable(): void {
    if (this.unavailable) throw temporalUnavailableError();
  }

  /** Runs `answer` as the server would: asynchronously, failing like an unreachable server when asked to. */
  private attempt<T>(answer: () => T): Promise<T> {
    if (this.hanging) return new Promise<T>(() => undefined);
    try {
      return Promise.resolve(answer());
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new Error(String(err)));
    }
  }

  private start(workflowType: string, options: WorkflowStartOptions) {
    return this.attempt(() => this.startNow(workflowType, options));
  }

  private startNow(workflowType: string, options: WorkflowStartOptions) {
    this.failIfUnavailable();
    this.starts.push({ workflowType, options });
    const existing = this.runs.get(options.workflowId);
    if (existing?.status === 'RUNNING' && options.workflowIdConflictPolicy === 'USE_EXISTING') {
      return { workflowId: existing.workflowId, firstExecutionRunId: existing.runId };
    }
    if (existing && existing.status !== 'RUNNING' && options.workflowIdReusePolicy === 'REJECT_DUPLICATE') {
      throw new WorkflowExecutionAlreadyStartedError(
        'Workflow execution already started',
        options.workflowId,
        workflowType,
      );
    }
    const run = this.add({
      workflowId: options.workflowId,
      type: workflowType,
      memo: options.memo,
      searchAttributes: options.typedSearchAttributes as SearchAttributePair[],
    });
    return { workflowId: run.workflowId, firstExecutionRunId: run.runId };
  }

  private find(workflowId: string): FakeRun {
    this.failIfUnavailable();
    const run = this.runs.get(workflowId);
    if (!run) throw new WorkflowNotFoundError(`workflow not found: ${workflowId}`, workflowId, undefined);
    return run;
  }

  private handle(workflowId: string) {
    return {
      workflowId,
      describe: () =>
        this.attempt(() => {
          const run = this.find(workflowId);
          return {
            ...this.info(run),
            staticSummary: () => Promise.resolve(run.memo?.summary),
            staticDetails: () => Promise.resolve(undefined),
          };
        }),
      query: () =>
        this.attempt(() => {
          const { progress } = this.find(workflowId);
          if (progress === undefined || progress instanceof Error) throw progress ?? new Error('query not registered');
          return progress;
        }),
      result: () =>
        this.attempt(() => {
          const run = this.find(workflowId);
          if (run.status === 'COMPLETED') return run.result;
          if (run.status === 'RUNNING') throw new Error('fake: result() of a running workflow would block');
          throw new WorkflowFailedError('Workflow execution failed', run.failure, 'NON_RETRYABLE_FAILURE');
        }),
      cancel: () =>
        this.attempt(() => {
          this.find(workflowId);
          this.cancelled.push(workflowId);
        }),
    };
  }

  private info(run: FakeRun) {
    return {
      type: run.type,
      workflowId: run.workflowId,
      runId: run.runId,
      taskQueue: 'etl',
      status: { code: 0, name: run.status },
      historyLength: 10,
      startTime: run.startTime,
      closeTime: run.closeTime,
      memo: run.memo,
      searchAttributes: {},
      typedSearchAttributes: new TypedSearchAttributes(run.searchAttributes ?? []),
      raw: { workflowExecutionInfo: { firstRunId: run.runId } },
    };
  }

  private list(options: ListOptions) {
    this.failIfUnavailable();
    this.listQueries.push(options.query ?? '');
    const newestFirst = [...this.runs.values()].sort((a, b) => b.startTime.getTime() - a.startTime.getTime());
    const infos = newestFirst.map((run) => this.info(run));
    const hanging = this.hanging;
    return (async function* () {
      if (hanging) await new Promise<never>(() => undefined);
      for (const info of infos) yield await Promise.resolve(info);
    })();
  }
}
