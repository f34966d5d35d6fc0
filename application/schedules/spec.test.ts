import { ScheduleRequestError } from './errors';
import { checkCron, parseDaysOfWeek, specView, toTemporalSpec } from './spec';
import { backfillBound, formatDuration, parseDuration, startOfDay } from './time';

describe('schedule spec', () => {
  it('maps a calendar with a day range to Temporal calendars in the default zone', () => {
    const view = specView({ calendar: { hour: 18, minute: 30, dayOfWeek: 'MON-FRI' } });
    expect(view.timezone).toBe('America/New_York');
    expect(toTemporalSpec(view)).toEqual({
      calendars: [{ hour: 18, minute: 30, dayOfWeek: [{ start: 'MONDAY', end: 'FRIDAY' }] }],
      timezone: 'America/New_York',
    });
  });

  it('keeps a cron expression as it is, with its zone', () => {
    expect(toTemporalSpec(specView({ cron: '30 18 * * 1-5', timezone: 'UTC' }))).toEqual({
      cronExpressions: ['30 18 * * 1-5'],
      timezone: 'UTC',
    });
  });

  it('reads day lists and mixed ranges, and refuses unknown days', () => {
    expect(parseDaysOfWeek('mon,wed-thu,SAT')).toEqual(['MONDAY', { start: 'WEDNESDAY', end: 'THURSDAY' }, 'SATURDAY']);
    expect(parseDaysOfWeek('*')).toBe('*');
    expect(() => parseDaysOfWeek('MON-FRY')).toThrow(/body\/calendar\/dayOfWeek "MON-FRY"/);
    expect(() => parseDaysOfWeek('MON-TUE-WED')).toThrow(ScheduleRequestError);
  });

  it('needs exactly one of calendar and cron, a known zone and a cron of five fields', () => {
    expect(() => specView({})).toThrow('body/calendar or body/cron is required');
    expect(() => specView({ cron: '* * * * *', calendar: { hour: 1, minute: 0 } })).toThrow(/^body\/cron cannot/);
    expect(() => specView({ cron: '* * * * *', timezone: 'Nowhere/Land' })).toThrow(/^body\/timezone/);
    expect(() => toTemporalSpec(specView({ cron: '30 18 *' }))).toThrow(/^body\/cron "30 18 \*"/);
  });

  it('accepts cron values, ranges, steps, lists, names and macros, and refuses anything else naming body/cron', () => {
    for (const cron of ['30 18 * * 1-5', '*/15 0-6/2 1,15 JAN-MAR mon-fri', '0 0 31 * *', '@daily'])
      expect(() => checkCron(cron)).not.toThrow();
    for (const cron of [
      '60 * * * *',
      '* 24 * * *',
      '* * 0 * *',
      '* * * 13 *',
      '* * * * 8',
      '5-1 * * * *',
      '*/0 * * * *',
    ])
      expect(() => checkCron(cron)).toThrow(/^body\/cron /);
    for (const cron of ['', 'x * * * *', '* * * * * *', '1,,2 * * * *', '@often', '-1 * * * *', '*/ * * * *'])
      expect(() => specView({ cron })).toThrow(/^body\/cron /);
  });
});

describe('schedule times', () => {
  it('parses and prints durations', () => {
    expect(parseDuration('1 day', 'body/catchupWindow')).toBe(86_400_000);
    expect(parseDuration('90s', 'f')).toBe(90_000);
    expect(() => parseDuration('soon', 'body/catchupWindow')).toThrow(/^body\/catchupWindow "soon"/);
    expect(formatDuration(86_400_000)).toBe('1 day');
    expect(formatDuration(2 * 3_600_000)).toBe('2 hours');
    expect(formatDuration(1500)).toBe('1500 ms');
  });

  it('finds the start of a day in a zone across daylight saving changes', () => {
    expect(startOfDay('2018-01-29', 'America/New_York').toISOString()).toBe('2018-01-29T05:00:00.000Z');
    expect(startOfDay('2018-07-02', 'America/New_York').toISOString()).toBe('2018-07-02T04:00:00.000Z');
    // The day DST starts in New York (02:00 → 03:00): midnight is still EST.
    expect(startOfDay('2018-03-11', 'America/New_York').toISOString()).toBe('2018-03-11T05:00:00.000Z');
    expect(startOfDay('2018-03-12', 'America/New_York').toISOString()).toBe('2018-03-12T04:00:00.000Z');
    expect(startOfDay('2018-01-29', 'Asia/Tokyo').toISOString()).toBe('2018-01-28T15:00:00.000Z');
  });

  it('turns backfill dates into whole days in the zone and keeps date-times exact', () => {
    expect(backfillBound('2018-01-29', 'from', 'America/New_York').toISOString()).toBe('2018-01-29T04:59:59.999Z');
    expect(backfillBound('2018-02-02', 'to', 'America/New_York').toISOString()).toBe('2018-02-03T04:59:59.999Z');
    expect(backfillBound('2018-02-02T12:00:00Z', 'to', 'UTC').toISOString()).toBe('2018-02-02T12:00:00.000Z');
    expect(() => backfillBound('last week', 'from', 'UTC')).toThrow(/^body\/from "last week"/);
    expect(() => backfillBound('2018-02-30', 'to', 'UTC')).toThrow(ScheduleRequestError);
  });
});
