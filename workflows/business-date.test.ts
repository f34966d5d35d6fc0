import { calendarDate } from './business-date';

describe('calendarDate', () => {
  it('is the day in the schedule zone, not in UTC', () => {
    // 21:00 in New York on Monday 2018-01-29 is already Tuesday in UTC.
    const instant = new Date('2018-01-30T02:00:00Z');
    expect(calendarDate(instant, 'America/New_York')).toBe('2018-01-29');
    expect(calendarDate(instant, 'UTC')).toBe('2018-01-30');
    expect(calendarDate(new Date('2018-01-29T16:00:00Z'), 'Asia/Tokyo')).toBe('2018-01-30');
  });
});
