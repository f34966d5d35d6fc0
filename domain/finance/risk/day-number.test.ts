import { dayNumber } from './day-number';

const DAY_MS = 86_400_000;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('dayNumber', () => {
  it('agrees with Date.parse on every day number 1 to 31 of every month from 1600 to 2400', () => {
    const disagreements: string[] = [];
    for (let year = 1600; year <= 2400; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (dayNumber(date) !== Date.parse(date) / DAY_MS) disagreements.push(date);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('counts from 1970-01-01, leap days included', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01') - dayNumber('2000-02-28')).toBe(2);
    expect(dayNumber('1900-03-01') - dayNumber('1900-02-28')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
  });

  it.each(['2013-02-00', '2013-13-01', '2013-1-01', '2013/02/08', 'x013-02-08', '', '2013-02-08T00:00:00Z'])(
    'leaves %j to Date.parse',
    (date) => {
      const parsed = Date.parse(date) / DAY_MS;
      if (Number.isNaN(parsed)) expect(dayNumber(date)).toBeNaN();
      else expect(dayNumber(date)).toBe(parsed);
    },
  );
});
