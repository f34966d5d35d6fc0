import {
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  type ScheduleOptions,
  type ScheduleUpdateOptions,
} from '@temporalio/client';

/** One stored schedule, shaped like the parts of Temporal's ScheduleDescription the service reads. */
interface FakeSchedule {
  scheduleId: string;
  spec: ScheduleOptions['spec'];
  action: { type: 'startWorkflow'; workflowType: string; taskQueue: string; args?: unknown[]; memo?: object };
  policies: { overlap: string; catchupWindow: number; pauseOnFailure: boolean };
  state: { paused: boolean; note?: string };
  createdAt: Date;
  lastUpdatedAt?: Date;
  triggered: number;
  backfills: { start: Date; end: Date }[];
}

const ONE_YEAR_MS = 365 * 86_400_000;

/**
 * An in-memory `client.schedule`: create refuses a taken id (ScheduleAlreadyRunning), every handle call on an
 * unknown id raises ScheduleNotFoundError, as the server does. Nothing fires: `nextActionTimes` stays empty.
 */
export class FakeSchedules {
  readonly schedules = new Map<string, FakeSchedule>();

  client() {
    return {
      create: (options: ScheduleOptions) => Promise.resolve().then(() => this.create(options)),
      getHandle: (scheduleId: string) => this.handle(scheduleId),
      list: () => this.list(),
    };
  }

  private create(options: ScheduleOptions) {
    if (this.schedules.has(options.scheduleId))
      throw new ScheduleAlreadyRunning('Schedule already exists and is running', options.scheduleId);
    const { action } = options;
    this.schedules.set(options.scheduleId, {
      scheduleId: options.scheduleId,
      spec: options.spec,
      action: {
        type: 'startWorkflow',
        workflowType: typeof action.workflowType === 'string' ? action.workflowType : action.workflowType.name,
        taskQueue: action.taskQueue,
        args: action.args as unknown[] | undefined,
        memo: action.memo,
      },
      policies: {
        overlap: options.policies?.overlap ?? 'SKIP',
        catchupWindow:
          typeof options.policies?.catchupWindow === 'number' ? options.policies.catchupWindow : ONE_YEAR_MS,
        pauseOnFailure: options.policies?.pauseOnFailure ?? false,
      },
      state: { paused: options.state?.paused ?? false, note: options.state?.note },
      createdAt: new Date(),
      triggered: 0,
      backfills: [],
    });
    return this.handle(options.scheduleId);
  }

  private find(scheduleId: string): FakeSchedule {
    const found = this.schedules.get(scheduleId);
    if (!found) throw new ScheduleNotFoundError(`schedule not found: ${scheduleId}`, scheduleId);
    return found;
  }

  private describe(schedule: FakeSchedule) {
    return {
      scheduleId: schedule.scheduleId,
      spec: schedule.spec,
      action: schedule.action,
      policies: schedule.policies,
      state: schedule.state,
      memo: {},
      info: {
        recentActions: [],
        nextActionTimes: [],
        runningActions: [],
        numActionsTaken: schedule.triggered,
        numActionsMissedCatchupWindow: 0,
        numActionsSkippedOverlap: 0,
        createdAt: schedule.createdAt,
        lastUpdatedAt: schedule.lastUpdatedAt,
      },
    };
  }

  private handle(scheduleId: string) {
    const act = <T>(fn: (s: FakeSchedule) => T): Promise<T> => Promise.resolve().then(() => fn(this.find(scheduleId)));
    return {
      scheduleId,
      describe: () => act((s) => this.describe(s)),
      pause: (note?: string) =>
        act((s) => {
          s.state = { paused: true, note };
        }),
      unpause: (note?: string) =>
        act((s) => {
          s.state = { paused: false, note };
        }),
      trigger: () =>
        act((s) => {
          s.triggered++;
        }),
      backfill: (options: { start: Date; end: Date }) =>
        act((s) => {
          s.backfills.push({ start: options.start, end: options.end });
        }),
      update: (updateFn: (previous: ReturnType<FakeSchedules['describe']>) => ScheduleUpdateOptions) =>
        act((s) => {
          const next = updateFn(this.describe(s));
          const updated = this.schedules.get(scheduleId)!;
          updated.spec = next.spec;
          const state = (next.state ?? {}) as { paused?: boolean; note?: string };
          updated.state = { paused: state.paused ?? false, note: state.note };
          updated.lastUpdatedAt = new Date();
        }),
      delete: () =>
        act(() => {
          this.schedules.delete(scheduleId);
        }),
    };
  }

  private list() {
    const summaries = [...this.schedules.values()].map((s) => ({
      scheduleId: s.scheduleId,
      state: s.state,
      action: { type: 'startWorkflow', workflowType: s.action.workflowType },
      info: { nextActionTimes: [], recentActions: [] },
      memo: {},
    }));
    return (async function* () {
      for (const summary of summaries) yield await Promise.resolve(summary);
    })();
  }
}
