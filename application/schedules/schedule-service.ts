import type { Client, ScheduleHandle } from '@temporalio/client';
import {
  DEFAULT_SCHEDULE,
  OVERLAP_POLICIES,
  type BackfillRequest,
  type OverlapPolicyName,
  type ScheduleListItem,
  type ScheduleRequest,
  type ScheduleUpdate,
  type ScheduleView,
} from '../../contracts';
import { ForeignScheduleError, ScheduleRequestError } from './errors';
import { buildScheduleOptions, type ScheduledWorkflows } from './schedule-options';
import { toListItem, toScheduleRequest, toScheduleView } from './schedule-view';
import type { ScheduleContext } from './scheduled-workflow';
import { SCHEDULED_WORKFLOWS } from './scheduled-workflows';
import { backfillBound } from './time';

export interface ScheduleServiceDeps {
  client: Client;
  context: ScheduleContext;
  /** The action table; tests pass their own to schedule a kind this build lacks. */
  workflows?: ScheduledWorkflows;
}

export type ScheduleService = ReturnType<typeof createScheduleService>;

/**
 * Schedules over Temporal's Schedules API: the use cases the API routes (and through them the CLI) call.
 * Unknown ids raise Temporal's ScheduleNotFoundError, a taken id ScheduleAlreadyRunning, a bad request
 * ScheduleRequestError naming the field.
 */
export function createScheduleService({ client, context, workflows = SCHEDULED_WORKFLOWS }: ScheduleServiceDeps) {
  const handle = (id: string): ScheduleHandle => client.schedule.getHandle(id);
  const describe = async (id: string): Promise<ScheduleView> => toScheduleView(client, await handle(id).describe());

  return {
    async create(request: ScheduleRequest): Promise<ScheduleView> {
      const created = await client.schedule.create(await buildScheduleOptions(request, workflows, context));
      return toScheduleView(client, await created.describe());
    },

    /** The daily pipeline, weekdays 18:30 New York time; `request` is the pipeline's run request. */
    async createDefault(options: { id?: string; request?: object } = {}): Promise<ScheduleView> {
      return this.create({
        id: options.id ?? DEFAULT_SCHEDULE.id,
        action: { kind: 'pipeline', request: options.request ?? {} },
        calendar: { ...DEFAULT_SCHEDULE.calendar },
        timezone: DEFAULT_SCHEDULE.timezone,
        note: DEFAULT_SCHEDULE.note,
      });
    },

    describe,

    /** Every schedule in the namespace (Temporal's list is eventually consistent: a new one may lag a moment). */
    async list(): Promise<ScheduleListItem[]> {
      const items: ScheduleListItem[] = [];
      for await (const summary of client.schedule.list()) items.push(toListItem(summary));
      return items.sort((a, b) => a.id.localeCompare(b.id));
    },

    async update(id: string, patch: ScheduleUpdate): Promise<ScheduleView> {
      const h = handle(id);
      const current = toScheduleRequest(await h.describe());
      if (!current) throw new ForeignScheduleError(id);
      const merged: ScheduleRequest = { ...current, ...patch, id };
      // A new calendar replaces a cron and the other way round.
      if (patch.calendar) delete merged.cron;
      if (patch.cron !== undefined) delete merged.calendar;
      const options = await buildScheduleOptions(merged, workflows, context);
      await h.update((previous) => ({
        spec: options.spec,
        action: options.action,
        policies: { ...previous.policies, ...options.policies },
        state: { ...previous.state, paused: merged.paused ?? previous.state.paused, note: merged.note },
      }));
      return describe(id);
    },

    async delete(id: string): Promise<void> {
      await handle(id).delete();
    },

    async pause(id: string, note?: string): Promise<ScheduleView> {
      await handle(id).pause(note ?? 'paused through iby');
      return describe(id);
    },

    async unpause(id: string, note?: string): Promise<ScheduleView> {
      await handle(id).unpause(note ?? 'unpaused through iby');
      return describe(id);
    },

    /** Runs the action now; its business date is today (Temporal stamps the trigger time as the scheduled time). */
    async trigger(id: string, overlap?: OverlapPolicyName): Promise<void> {
      const h = handle(id);
      await h.describe();
      await h.trigger(overlap ? OVERLAP_POLICIES[overlap] : undefined);
    },

    /**
     * Takes every action the schedule would have taken in the range, each with its own scheduled time (and so its
     * own business date). Buffered one after another by default, so no day is skipped for overlapping the previous.
     */
    async backfill(id: string, request: BackfillRequest): Promise<{ start: string; end: string }> {
      const h = handle(id);
      const view = await describe(id);
      const start = backfillBound(request.from, 'from', view.spec.timezone);
      const end = backfillBound(request.to, 'to', view.spec.timezone);
      if (start >= end) throw new ScheduleRequestError('body/to', 'must be after body/from');
      await h.backfill({ start, end, overlap: OVERLAP_POLICIES[request.overlap ?? 'buffer_all'] });
      return { start: start.toISOString(), end: end.toISOString() };
    },

    /** Pauses every schedule that is not paused yet; returns the ids it paused. */
    async pauseAll(note?: string): Promise<string[]> {
      return setAllPaused(true, note ?? 'paused through iby (pause-all)');
    },

    async unpauseAll(note?: string): Promise<string[]> {
      return setAllPaused(false, note ?? 'unpaused through iby (unpause-all)');
    },
  };

  async function setAllPaused(paused: boolean, note: string): Promise<string[]> {
    const changed: string[] = [];
    for await (const summary of client.schedule.list()) {
      if (summary.state.paused === paused) continue;
      const h = handle(summary.scheduleId);
      await (paused ? h.pause(note) : h.unpause(note));
      changed.push(summary.scheduleId);
    }
    return changed.sort();
  }
}
