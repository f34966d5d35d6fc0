import { observationsAsOf, type FredObservation } from '.';

const v = (date: string, value: number | null, realtimeStart: string, realtimeEnd = '9999-12-31'): FredObservation => ({
  date,
  value,
  realtimeStart,
  realtimeEnd,
});

// CPI for January first published on 2020-02-13 as 258.8, revised on 2020-03-11 to 259.0; February first out 03-11.
const closed = [
  v('2020-01-01', 258.8, '2020-02-13', '2020-03-10'),
  v('2020-01-01', 259.0, '2020-03-11'),
  v('2020-02-01', 259.2, '2020-03-11'),
];

describe('observationsAsOf: the vintage whose real-time range contains the date', () => {
  it('before anything was published: nothing', () => {
    expect(observationsAsOf(closed, '2020-02-12')).toEqual([]);
  });

  it('between first release and revision: the first release only', () => {
    expect(observationsAsOf(closed, '2020-02-13')).toEqual([closed[0]]);
    expect(observationsAsOf(closed, '2020-03-10')).toEqual([closed[0]]);
  });

  it('from the revision on: the revised value and the new month, by date', () => {
    expect(observationsAsOf([...closed].reverse(), '2020-03-11')).toEqual([closed[1], closed[2]]);
    expect(observationsAsOf(closed, '2030-01-01')).toEqual([closed[1], closed[2]]);
  });

  it('overlapping open vintages (the first fetched while still current): the later start wins from its start', () => {
    const overlapping = [v('2020-01-01', 258.8, '2020-02-13'), v('2020-01-01', 259.0, '2020-03-11')];
    expect(observationsAsOf(overlapping, '2020-03-10')).toEqual([overlapping[0]]);
    expect(observationsAsOf(overlapping, '2020-03-11')).toEqual([overlapping[1]]);
  });

  it('keeps a missing value of the vintage in force (it is what was known)', () => {
    const withGap = [v('2020-01-01', null, '2020-01-02')];
    expect(observationsAsOf(withGap, '2020-01-05')).toEqual(withGap);
  });
});
