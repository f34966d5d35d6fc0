import type { ScheduleOptions } from '@temporalio/client';
import {
  OVERLAP_POLICIES,
  SCHEDULE_ACTION_KINDS,
  SCHEDULE_MEMO_KEY,
  type ScheduleActionKind,
  type ScheduleMemo,
  type ScheduleRequest,
} from '../../contracts';
import { ScheduleRequestError } from './errors';
import type { ScheduleContext, ScheduledWorkflow } from './scheduled-workflow';
import { specView, toTemporalSpec } from './spec';
import { parseDuration } from './time';

export type ScheduledWorkflows = Partial<Record<ScheduleActionKind, ScheduledWorkflow>>;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;

/** Checks a whole schedule request and turns it into Temporal's schedule options; nothing is sent yet. */
export async function buildScheduleOptions(
  request: ScheduleRequest,
  workflows: ScheduledWorkflows,
  context: ScheduleContext,
): Promise<ScheduleOptions> {
  if (!ID_PATTERN.test(request.id))
    throw new ScheduleRequestError('body/id', 'must be 1-100 letters, digits, "_", "." or "-"');
  const { kind } = request.action;
  const entry = workflowFor(kind, workflows);
  const spec = specView(request);
  const prepared = await entry.prepare(request.action.request, context);
  const memo: ScheduleMemo = { kind, scheduleId: request.id, spec };
  const options: ScheduleOptions = {
    scheduleId: request.id,
    spec: toTemporalSpec(spec),
    action: {
      type: 'startWorkflow',
      workflowType: entry.workflow,
      // Temporal appends the scheduled time, so each run has its own id: `daily-pipeline-2026-12-01T23:30:00Z`.
      workflowId: request.id,
      taskQueue: entry.taskQueue,
      args: prepared.args,
      memo: { summary: `${prepared.summary} (schedule ${request.id})`, [SCHEDULE_MEMO_KEY]: memo },
      typedSearchAttributes: prepared.searchAttributes,
      staticSummary: `${prepared.summary} (schedule ${request.id})`,
    },
    policies: {},
    state: { paused: request.paused ?? false },
  };
  if (request.note !== undefined) options.state!.note = request.note;
  if (request.overlap) options.policies!.overlap = OVERLAP_POLICIES[request.overlap];
  if (request.catchupWindow !== undefined)
    options.policies!.catchupWindow = parseDuration(request.catchupWindow, 'body/catchupWindow');
  if (request.pauseOnFailure !== undefined) options.policies!.pauseOnFailure = request.pauseOnFailure;
  return options;
}

export function workflowFor(kind: string, workflows: ScheduledWorkflows): ScheduledWorkflow {
  if (!(SCHEDULE_ACTION_KINDS as readonly string[]).includes(kind))
    throw new ScheduleRequestError('body/action/kind', `must be one of ${SCHEDULE_ACTION_KINDS.join(', ')}`);
  const entry = workflows[kind as ScheduleActionKind];
  if (!entry)
    throw new ScheduleRequestError(
      'body/action/kind',
      `"${kind}" cannot be scheduled yet: its workflow is not part of this build (available: ${Object.keys(workflows).join(', ')})`,
    );
  return entry;
}
