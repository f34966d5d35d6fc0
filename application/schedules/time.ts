import { msToNumber } from '@temporalio/common/lib/time';
import { ScheduleRequestError } from './errors';

/** Throws unless `timeZone` is an IANA zone the runtime knows (`America/New_York`, `UTC`). */
export function checkTimeZone(timeZone: string, field: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ScheduleRequestError(field, `"${timeZone}" is not a known IANA time zone`);
  }
}

/** `1 day`, `30 minutes`, `90s` → milliseconds (Temporal's duration strings). */
export function parseDuration(text: string, field: string): number {
  let ms: number;
  try {
    ms = msToNumber(text as Parameters<typeof msToNumber>[0]);
  } catch {
    ms = Number.NaN;
  }
  if (!Number.isFinite(ms) || ms <= 0)
    throw new ScheduleRequestError(field, `"${text}" is not a duration like "1 day"`);
  return ms;
}

const UNITS: [string, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** Milliseconds back to the largest whole unit: 86400000 → `1 day`. */
export function formatDuration(ms: number): string {
  for (const [unit, size] of UNITS) {
    if (ms >= size && ms % size === 0) return `${ms / size} ${unit}${ms === size ? '' : 's'}`;
  }
  return `${ms} ms`;
}

/** Offset of `timeZone` from UTC at an instant, in ms (New York in winter: -5 h). */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
    .formatToParts(new Date(instant))
    .reduce<Record<string, number>>((acc, p) => ({ ...acc, [p.type]: Number(p.value) }), {});
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day starts in a time zone (DST-safe: the offset is re-read at the result). */
export function startOfDay(date: string, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const first = utcMidnight - zoneOffset(utcMidnight, timeZone);
  return new Date(utcMidnight - zoneOffset(first, timeZone));
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A backfill bound: a date is the whole day in the schedule's zone (`from` its start, `to` its end), a date-time is
 * exact. Temporal takes the times after `start` up to `end`, so a day's bounds are moved 1 ms back.
 */
export function backfillBound(text: string, edge: 'from' | 'to', timeZone: string): Date {
  if (DATE.test(text) && isCalendarDate(text)) {
    const day = edge === 'from' ? text : nextDay(text);
    const instant = startOfDay(day, timeZone).getTime() - 1;
    if (!Number.isNaN(instant)) return new Date(instant);
  } else if (!Number.isNaN(Date.parse(text)) && /T\d{2}:\d{2}/.test(text)) {
    return new Date(text);
  }
  throw new ScheduleRequestError(`body/${edge}`, `"${text}" is not an ISO date or date-time`);
}

/** Date.parse rolls 2018-02-30 over to March; a real date prints back as itself. */
function isCalendarDate(date: string): boolean {
  const parsed = Date.parse(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === date;
}

function nextDay(date: string): string {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);
  return next.toISOString().slice(0, 10);
}
