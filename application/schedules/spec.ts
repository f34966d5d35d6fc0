import type { CalendarSpec, DayOfWeek, LooseRange, ScheduleSpec } from '@temporalio/client';
import {
  DAY_NAMES,
  DEFAULT_SCHEDULE_TIMEZONE,
  type DayName,
  type ScheduleCalendar,
  type ScheduleRequest,
  type ScheduleSpecView,
} from '../../contracts';
import { ScheduleRequestError } from './errors';
import { checkTimeZone } from './time';

const TEMPORAL_DAYS: Record<DayName, DayOfWeek> = {
  SUN: 'SUNDAY',
  MON: 'MONDAY',
  TUE: 'TUESDAY',
  WED: 'WEDNESDAY',
  THU: 'THURSDAY',
  FRI: 'FRIDAY',
  SAT: 'SATURDAY',
};

/** Our view of when a schedule fires, from a create or update request: exactly one of calendar and cron. */
export function specView(request: Pick<ScheduleRequest, 'calendar' | 'cron' | 'timezone'>): ScheduleSpecView {
  const timezone = request.timezone ?? DEFAULT_SCHEDULE_TIMEZONE;
  checkTimeZone(timezone, 'body/timezone');
  if (request.calendar && request.cron !== undefined)
    throw new ScheduleRequestError('body/cron', 'cannot be given together with body/calendar');
  if (request.calendar) return { calendar: request.calendar, timezone };
  if (request.cron !== undefined) return { cron: request.cron, timezone };
  throw new ScheduleRequestError('body/calendar', 'or body/cron is required');
}

/** Temporal's spec for our view; the time zone applies to calendars and cron alike. */
export function toTemporalSpec(view: ScheduleSpecView): ScheduleSpec {
  if (view.cron !== undefined) {
    checkCron(view.cron);
    return { cronExpressions: [view.cron], timezone: view.timezone };
  }
  if (!view.calendar) throw new ScheduleRequestError('body/calendar', 'or body/cron is required');
  return { calendars: [toCalendarSpec(view.calendar)], timezone: view.timezone };
}

function toCalendarSpec(calendar: ScheduleCalendar): CalendarSpec {
  const spec: CalendarSpec = { hour: calendar.hour, minute: calendar.minute };
  if (calendar.dayOfWeek !== undefined) spec.dayOfWeek = parseDaysOfWeek(calendar.dayOfWeek);
  return spec;
}

/** `MON-FRI`, `MON,WED,FRI`, `SAT`, `*`; ranges and days can be mixed (`MON-WED,FRI`). */
export function parseDaysOfWeek(text: string): LooseRange<DayOfWeek>[] | '*' {
  if (text.trim() === '*') return '*';
  return text.split(',').map((part) => {
    const [start, end, ...rest] = part.trim().toUpperCase().split('-');
    if (rest.length) throw badDays(text);
    const first = dayOf(start, text);
    return end === undefined ? first : { start: first, end: dayOf(end, text) };
  });
}

function dayOf(name: string, text: string): DayOfWeek {
  if (!(DAY_NAMES as readonly string[]).includes(name)) throw badDays(text);
  return TEMPORAL_DAYS[name as DayName];
}

const badDays = (text: string) =>
  new ScheduleRequestError('body/calendar/dayOfWeek', `"${text}" is not like MON-FRI or MON,WED,FRI`);

/** Five fields (minute hour day-of-month month day-of-week) or a macro such as @daily; Temporal checks the rest. */
function checkCron(cron: string): void {
  const fields = cron.trim().split(/\s+/);
  if (cron.trim().startsWith('@') ? fields.length !== 1 : fields.length < 5 || fields.length > 7)
    throw new ScheduleRequestError('body/cron', `"${cron}" is not a cron expression like "30 18 * * 1-5"`);
}
