import fc from 'fast-check';
import { oneYearReturn, yearBefore, type ReturnBar } from './one-year-return';

const bar = (date: string, close: number, adjClose: number | null = null): ReturnBar => ({ date, close, adjClose });

describe('yearBefore', () => {
  it.each([
    ['2020-03-31', '2019-03-31'],
    ['2020-01-01', '2019-01-01'],
    ['2020-02-29', '2019-02-28'],
    ['2021-02-28', '2020-02-28'],
    ['1000-06-15', '0999-06-15'],
  ])('%s → %s', (date, expected) => {
    expect(yearBefore(date)).toBe(expected);
  });
});

describe('oneYearReturn', () => {
  it('compares the last close with the last close on or before the same day a year earlier', () => {
    const bars = [
      bar('2019-03-28', 80),
      bar('2019-03-29', 100), // a Friday: the base for 2020-03-30, whose year-earlier day was a Saturday
      bar('2019-04-01', 90),
      bar('2019-12-31', 200),
      bar('2020-03-30', 125),
    ];
    expect(oneYearReturn(bars)).toBeCloseTo(0.25, 12);
  });

  it('takes the base on the exact day when there is a bar that day', () => {
    expect(oneYearReturn([bar('2019-03-29', 50), bar('2019-03-30', 40), bar('2020-03-30', 60)])).toBeCloseTo(0.5, 12);
  });

  it('goes from 29 February to 28 February of the year before', () => {
    expect(oneYearReturn([bar('2019-02-28', 10), bar('2019-03-01', 99), bar('2020-02-29', 11)])).toBeCloseTo(0.1, 12);
  });

  it('uses adjusted closes when both ends have one, else closes', () => {
    expect(oneYearReturn([bar('2019-01-02', 100, 50), bar('2020-01-02', 110, 60)])).toBeCloseTo(0.2, 12);
    expect(oneYearReturn([bar('2019-01-02', 100, null), bar('2020-01-02', 110, 60)])).toBeCloseTo(0.1, 12);
    expect(oneYearReturn([bar('2019-01-02', 100, 50), bar('2020-01-02', 110)])).toBeCloseTo(0.1, 12);
  });

  it('is null with less than a year of bars, one bar, or none', () => {
    expect(oneYearReturn([bar('2019-01-03', 100), bar('2020-01-02', 110)])).toBeNull();
    expect(oneYearReturn([bar('2020-01-02', 110)])).toBeNull();
    expect(oneYearReturn([])).toBeNull();
  });

  it('depends only on the last bar and its base, so those two alone give the same answer', () => {
    const day = 86_400_000;
    const series = fc
      .uniqueArray(fc.integer({ min: 0, max: 3 * 366 }), { minLength: 1, maxLength: 60 })
      .chain((offsets) =>
        fc.tuple(
          fc.constant([...offsets].sort((a, b) => a - b)),
          fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), {
            minLength: offsets.length,
            maxLength: offsets.length,
          }),
        ),
      )
      .map(([offsets, closes]) =>
        offsets.map((offset, i) =>
          bar(new Date(Date.UTC(2018, 0, 1) + offset * day).toISOString().slice(0, 10), closes[i]),
        ),
      );
    fc.assert(
      fc.property(series, (bars) => {
        const last = bars[bars.length - 1];
        const base = bars.filter((b) => b.date <= yearBefore(last.date)).at(-1);
        const full = oneYearReturn(bars);
        if (!base) return full === null;
        return full === last.close / base.close - 1 && oneYearReturn([base, last]) === full;
      }),
    );
  });
});
