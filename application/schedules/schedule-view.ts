import type { Client, ScheduleDescription, ScheduleSummary } from '@temporalio/client';
import {
  DEFAULT_SCHEDULE_TIMEZONE,
  OVERLAP_POLICIES,
  SCHEDULE_MEMO_KEY,
  type OverlapPolicyName,
  type ScheduleListItem,
  type ScheduleMemo,
  type ScheduleRecentAction,
  type ScheduleRequest,
  type ScheduleView,
} from '../../contracts';
import { kindOfWorkflowType } from './scheduled-workflows';
import { formatDuration } from './time';

const OVERLAP_NAMES = Object.fromEntries(
  Object.entries(OVERLAP_POLICIES).map(([name, policy]) => [policy, name]),
) as Record<string, OverlapPolicyName>;

export function memoOf(description: ScheduleDescription): ScheduleMemo | undefined {
  return description.action.memo?.[SCHEDULE_MEMO_KEY] as ScheduleMemo | undefined;
}

/** A schedule as the API shows it, with each recent run's current status (one describe per run, in parallel). */
export async function toScheduleView(client: Client, description: ScheduleDescription): Promise<ScheduleView> {
  const memo = memoOf(description);
  const { info, state, policies, action } = description;
  const recentActions = await Promise.all(
    info.recentActions.map(async (recent): Promise<ScheduleRecentAction> => {
      const { workflowId, firstExecutionRunId } = recent.action.workflow;
      return {
        scheduledAt: recent.scheduledAt.toISOString(),
        startedAt: recent.takenAt.toISOString(),
        workflowId,
        runId: firstExecutionRunId,
        status: await statusOf(client, workflowId),
      };
    }),
  );
  return {
    id: description.scheduleId,
    paused: state.paused,
    note: state.note ?? null,
    spec: memo?.spec ?? { timezone: description.spec.timezone ?? DEFAULT_SCHEDULE_TIMEZONE },
    action: {
      kind: memo?.kind ?? kindOfWorkflowType(action.workflowType),
      request: action.args?.[0] ?? null,
      workflowType: action.workflowType,
      taskQueue: action.taskQueue,
    },
    overlap: OVERLAP_NAMES[policies.overlap ?? 'SKIP'] ?? 'skip',
    catchupWindow: formatDuration(policies.catchupWindow),
    pauseOnFailure: policies.pauseOnFailure,
    nextActionTimes: info.nextActionTimes.map((t) => t.toISOString()),
    recentActions,
    runningWorkflowIds: info.runningActions.map((a) => a.workflow.workflowId),
    actionsTaken: info.numActionsTaken,
    missedCatchupWindow: info.numActionsMissedCatchupWindow,
    skippedOverlap: info.numActionsSkippedOverlap,
    createdAt: info.createdAt.toISOString(),
    updatedAt: info.lastUpdatedAt?.toISOString() ?? null,
  };
}

/** Our request shape back from a schedule we made (what PATCH merges into), or undefined for a foreign one. */
export function toScheduleRequest(description: ScheduleDescription): ScheduleRequest | undefined {
  const memo = memoOf(description);
  if (!memo) return undefined;
  const { policies, state } = description;
  const request: ScheduleRequest = {
    id: description.scheduleId,
    action: { kind: memo.kind, request: (description.action.args?.[0] as object | undefined) ?? {} },
    ...memo.spec,
    overlap: OVERLAP_NAMES[policies.overlap ?? 'SKIP'] ?? 'skip',
    catchupWindow: formatDuration(policies.catchupWindow),
    pauseOnFailure: policies.pauseOnFailure,
    paused: state.paused,
  };
  if (state.note !== undefined) request.note = state.note;
  return request;
}

export function toListItem(summary: ScheduleSummary): ScheduleListItem {
  const workflowType = summary.action?.workflowType ?? null;
  return {
    id: summary.scheduleId,
    paused: summary.state.paused,
    note: summary.state.note ?? null,
    kind: workflowType ? kindOfWorkflowType(workflowType) : null,
    workflowType,
    nextActionTimes: summary.info.nextActionTimes.map((t) => t.toISOString()),
    recentActions: summary.info.recentActions.map((recent) => ({
      scheduledAt: recent.scheduledAt.toISOString(),
      startedAt: recent.takenAt.toISOString(),
      workflowId: recent.action.workflow.workflowId,
      runId: recent.action.workflow.firstExecutionRunId,
    })),
  };
}

async function statusOf(client: Client, workflowId: string): Promise<string> {
  try {
    const { status } = await client.workflow.getHandle(workflowId).describe();
    return status.name === 'CANCELLED' ? 'CANCELED' : status.name;
  } catch {
    // Retention may have removed it; the schedule still remembers the action.
    return 'UNKNOWN';
  }
}
