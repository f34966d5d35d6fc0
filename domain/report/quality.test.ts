import { findGaps, summarizeQuality } from './quality';

describe('data-quality summary', () => {
  it('counts flags and keeps the date range', () => {
    const q = summarizeQuality(
      [
        { date: '2020-01-02', flags: ['missing_volume'] },
        { date: '2020-01-03', flags: ['missing_volume', 'missing_open'] },
        { date: '2020-01-06' },
      ],
      null,
    );
    expect(q).toEqual({
      bars: 3,
      from: '2020-01-02',
      to: '2020-01-06',
      flagged: { missing_volume: 2, missing_open: 1 },
      rejected: null,
      gaps: [],
      notes: [],
    });
  });

  it('finds gaps in daily bars beyond a long weekend', () => {
    const dates = ['2001-09-06', '2001-09-07', '2001-09-10', '2001-09-17', '2001-09-18', '2001-12-24', '2001-12-26'];
    expect(findGaps(dates)).toEqual([
      { from: '2001-09-10', to: '2001-09-17', calendarDays: 7 },
      { from: '2001-09-18', to: '2001-12-24', calendarDays: 97 },
    ]);
  });

  it('measures gaps in monthly bars against their own spacing', () => {
    const dates = ['2020-01-31', '2020-02-29', '2020-03-31', '2020-04-30', '2020-08-31', '2020-09-30'];
    expect(findGaps(dates)).toEqual([{ from: '2020-04-30', to: '2020-08-31', calendarDays: 123 }]);
  });
});
