import { workflowInfo } from '@temporalio/workflow';
import {
  DEFAULT_SCHEDULE_TIMEZONE,
  SCHEDULE_MEMO_KEY,
  SCHEDULED_SEARCH_ATTRIBUTES,
  type ScheduleMemo,
} from '../contracts';

/**
 * The day a run is about: for a run started by a schedule, the day it was SCHEDULED for in the schedule's time zone
 * (so a backfill executed today over last week gives each run its own trading day); otherwise the day it started.
 */
export function businessDate(): string {
  return scheduledBusinessDate() ?? workflowInfo().startTime.toISOString().slice(0, 10);
}

/** The scheduled day of a run a schedule started, or undefined for any other run. */
export function scheduledBusinessDate(): string | undefined {
  const info = workflowInfo();
  const scheduledAt = scheduledStartTime(info);
  if (!scheduledAt) return undefined;
  const memo = info.memo?.[SCHEDULE_MEMO_KEY] as Partial<ScheduleMemo> | undefined;
  return calendarDate(scheduledAt, memo?.spec?.timezone ?? DEFAULT_SCHEDULE_TIMEZONE);
}

function scheduledStartTime(info: ReturnType<typeof workflowInfo>): Date | undefined {
  const typed = info.typedSearchAttributes.get(SCHEDULED_SEARCH_ATTRIBUTES.scheduledStartTime);
  if (typed) return typed;
  // Older servers send the attribute without type metadata, so only the untyped map has it.
  const [raw] = info.searchAttributes?.[SCHEDULED_SEARCH_ATTRIBUTES.scheduledStartTime.name] ?? [];
  if (raw instanceof Date) return raw;
  return typeof raw === 'string' && !Number.isNaN(Date.parse(raw)) ? new Date(raw) : undefined;
}

/** `YYYY-MM-DD` of an instant in a time zone. */
export function calendarDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, part) => ({ ...acc, [part.type]: part.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}
