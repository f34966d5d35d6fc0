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
  if (request.cron !== undefined) {
    checkCron(request.cron);
    return { cron: request.cron, timezone };
  }
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

const CRON_MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Each field's range, and its names (months and days may be spelt JAN…, SUN…). */
const CRON_FIELDS: { name: string; min: number; max: number; names?: string[]; first?: number }[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, first: 1 },
  { name: 'day of week', min: 0, max: 7, names: DAYS, first: 0 },
];

/**
 * Five fields (minute hour day-of-month month day-of-week), each `*`, a value, a range, a step (`*\/15`, `1-5/2`)
 * or a list of those; or a macro such as @daily. Checked here so a typo is a 400 naming body/cron, not a server error.
 */
export function checkCron(cron: string): void {
  const text = cron.trim();
  const bad = (why: string) =>
    new ScheduleRequestError('body/cron', `"${cron}" is not a cron expression like "30 18 * * 1-5" (${why})`);
  if (text.startsWith('@')) {
    if (!CRON_MACROS.includes(text.toLowerCase())) throw bad(`unknown macro; use one of ${CRON_MACROS.join(', ')}`);
    return;
  }
  const fields = text.split(/\s+/);
  if (fields.length !== 5) throw bad(`${fields.length} fields, need 5`);
  fields.forEach((field, i) => {
    const spec = CRON_FIELDS[i];
    const value = (token: string): number => {
      const named = spec.names?.indexOf(token.toUpperCase()) ?? -1;
      const n = named >= 0 ? named + (spec.first ?? 0) : /^\d{1,2}$/.test(token) ? Number(token) : NaN;
      if (!(n >= spec.min && n <= spec.max)) throw bad(`${spec.name} "${token}" is not in ${spec.min}-${spec.max}`);
      return n;
    };
    for (const part of field.split(',')) {
      const [range, step, ...extra] = part.split('/');
      if (extra.length || (step !== undefined && !/^[1-9]\d{0,1}$/.test(step)))
        throw bad(`${spec.name} step in "${part}"`);
      if (range === '*') continue;
      const [from, to, ...more] = range.split('-');
      if (more.length || from === '') throw bad(`${spec.name} "${part}"`);
      const start = value(from);
      if (to !== undefined && value(to) < start) throw bad(`${spec.name} range "${range}" runs backwards`);
    }
  });
}
