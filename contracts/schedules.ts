import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Vocabulary of schedules, shared by the API, the CLI and the workflows a schedule starts. */

/** What a schedule can run; each kind is one entry of the action table in application/schedules. */
export const SCHEDULE_ACTION_KINDS = ['pipeline', 'prices', 'fundamentals', 'analysis'] as const;
export type ScheduleActionKind = (typeof SCHEDULE_ACTION_KINDS)[number];

/** Our names for Temporal's overlap policies (what happens when a run is still going at the next scheduled time). */
export const OVERLAP_POLICIES = {
  skip: 'SKIP',
  buffer_one: 'BUFFER_ONE',
  buffer_all: 'BUFFER_ALL',
  cancel_other: 'CANCEL_OTHER',
  terminate_other: 'TERMINATE_OTHER',
  allow_all: 'ALLOW_ALL',
} as const;
export type OverlapPolicyName = keyof typeof OVERLAP_POLICIES;

export const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
export type DayName = (typeof DAY_NAMES)[number];

export const DEFAULT_SCHEDULE_TIMEZONE = 'America/New_York';

/** The daily pipeline after the US close: weekdays 18:30 New York time. */
export const DEFAULT_SCHEDULE = {
  id: 'daily-pipeline',
  calendar: { hour: 18, minute: 30, dayOfWeek: 'MON-FRI' },
  timezone: DEFAULT_SCHEDULE_TIMEZONE,
  note: 'Daily pipeline after the US close',
} as const;

/** When a schedule fires: `dayOfWeek` is a day, a range (`MON-FRI`) or a list (`MON,WED,FRI`); absent = every day. */
export interface ScheduleCalendar {
  hour: number;
  minute: number;
  dayOfWeek?: string;
}

export interface ScheduleAction {
  kind: ScheduleActionKind;
  /** The run request, as `POST /v1/runs/{kind}` takes it. */
  request: object;
}

/** What `POST /v1/schedules` takes: exactly one of `calendar` and `cron`. */
export interface ScheduleRequest {
  id: string;
  action: ScheduleAction;
  calendar?: ScheduleCalendar;
  cron?: string;
  timezone?: string;
  overlap?: OverlapPolicyName;
  /** How late a missed action may still run, e.g. `1 day`, `30 minutes`. */
  catchupWindow?: string;
  pauseOnFailure?: boolean;
  paused?: boolean;
  note?: string;
}

/** `PATCH /v1/schedules/{id}`: any field of the request but the id; absent fields keep their value. */
export type ScheduleUpdate = Partial<Omit<ScheduleRequest, 'id'>>;

export interface BackfillRequest {
  /** ISO date (whole days in the schedule's time zone) or date-time. */
  from: string;
  to: string;
  overlap?: OverlapPolicyName;
}

export interface ScheduleSpecView {
  calendar?: ScheduleCalendar;
  cron?: string;
  timezone: string;
}

export interface ScheduleRecentAction {
  scheduledAt: string;
  startedAt: string;
  workflowId: string;
  runId: string;
  status: string;
}

export interface ScheduleView {
  id: string;
  paused: boolean;
  note: string | null;
  spec: ScheduleSpecView;
  /** `kind` is null for a schedule made outside iby (e.g. in the Temporal UI). */
  action: { kind: ScheduleActionKind | null; request: unknown; workflowType: string; taskQueue: string };
  overlap: OverlapPolicyName;
  catchupWindow: string;
  pauseOnFailure: boolean;
  nextActionTimes: string[];
  recentActions: ScheduleRecentAction[];
  runningWorkflowIds: string[];
  actionsTaken: number;
  missedCatchupWindow: number;
  skippedOverlap: number;
  createdAt: string;
  updatedAt: string | null;
}

export interface ScheduleListItem {
  id: string;
  paused: boolean;
  note: string | null;
  kind: ScheduleActionKind | null;
  workflowType: string | null;
  nextActionTimes: string[];
  recentActions: Omit<ScheduleRecentAction, 'status'>[];
}

/**
 * The memo a schedule puts on each run it starts (and where it keeps our view of its spec, since Temporal stores a
 * cron expression as calendars). The workflow reads `timezone` for its business date.
 */
export interface ScheduleMemo {
  kind: ScheduleActionKind;
  scheduleId: string;
  spec: ScheduleSpecView;
}
export const SCHEDULE_MEMO_KEY = 'schedule';

/** Set by Temporal on every run a schedule starts (system attributes: never registered by us). */
export const SCHEDULED_SEARCH_ATTRIBUTES = {
  scheduledStartTime: defineSearchAttributeKey('TemporalScheduledStartTime', SearchAttributeType.DATETIME),
  scheduledById: defineSearchAttributeKey('TemporalScheduledById', SearchAttributeType.KEYWORD),
} as const;
