import { selectFrequency } from './frequency';
import { dailyBars, monthlyBars } from './test-support';

describe('selectFrequency', () => {
  it('keeps one load of one frequency whole, whatever its spacing', () => {
    const monthly = monthlyBars(2000, 1, 123);
    const chosen = selectFrequency([...monthly].reverse());
    expect(chosen).toMatchObject({ frequency: 'monthly', periodsPerYear: 12, excluded: [] });
    expect(chosen.bars.map((b) => b.date)).toEqual(monthly.map((b) => b.date));
  });

  it('analyses daily bars and leaves out the monthly load of the same symbol, saying so', () => {
    // The demo's shape: monthly closes 2000-2010 from one file, daily bars from 2013 from another.
    const monthly = monthlyBars(2000, 1, 123, 'csv|prices-stocks');
    const daily = dailyBars('2013-02-08', 300, 'csv|prices-daily');
    const chosen = selectFrequency([...monthly, ...daily]);
    expect(chosen.frequency).toBe('daily');
    expect(chosen.periodsPerYear).toBe(252);
    expect(chosen.bars).toHaveLength(300);
    expect(chosen.bars.every((b) => b.origin === 'csv|prices-daily')).toBe(true);
    expect(chosen.excluded).toEqual([
      { origin: 'csv|prices-stocks', frequency: 'monthly', bars: 123, from: '2000-01-01', to: '2010-03-01' },
    ]);
  });

  it('prefers daily even when the monthly load is longer and interleaved in time', () => {
    const monthly = monthlyBars(2012, 1, 24, 'm');
    const daily = dailyBars('2012-06-04', 60, 'd');
    const chosen = selectFrequency([...daily, ...monthly]);
    expect(chosen.frequency).toBe('daily');
    expect(chosen.bars.map((b) => b.origin)).toEqual(Array(60).fill('d'));
    expect(chosen.excluded[0]).toMatchObject({ origin: 'm', frequency: 'monthly', bars: 24 });
  });

  it('adds a one-bar daily load after a long weekend to the daily series', () => {
    const daily = dailyBars('2018-08-01', 23, 'full'); // ends Friday 2018-08-31
    const labourDay = { ...dailyBars('2018-09-04', 1, 'incremental')[0] }; // Tuesday after Labor Day: 4 days later
    const chosen = selectFrequency([...daily, labourDay]);
    expect(chosen.frequency).toBe('daily');
    expect(chosen.bars).toHaveLength(24);
    expect(chosen.bars.at(-1)?.date).toBe('2018-09-04');
    expect(chosen.excluded).toEqual([]);
  });

  it('extends the series by a fortnight of one-bar daily runs, each joining the one before', () => {
    const history = dailyBars('2018-01-02', 60, 'full');
    const runs = dailyBars('2018-03-27', 10).map((bar, i) => ({ ...bar, origin: `csv|daily-${i}` }));
    const chosen = selectFrequency([...[...runs].reverse(), ...history]);
    expect(chosen.excluded).toEqual([]);
    expect(chosen.bars.map((b) => b.date)).toEqual([...history, ...runs].map((b) => b.date));
  });

  it('leaves out a tiny load that sits far from the chosen series, with no frequency to name', () => {
    const daily = dailyBars('2018-01-02', 40);
    const stray = { ...daily[0], date: '2018-06-01', origin: 'stray' };
    const chosen = selectFrequency([...daily, stray]);
    expect(chosen.bars).toHaveLength(40);
    expect(chosen.excluded).toEqual([
      { origin: 'stray', frequency: null, bars: 1, from: '2018-06-01', to: '2018-06-01' },
    ]);
  });

  it('judges only tiny loads together', () => {
    const [a, b, c] = dailyBars('2018-01-02', 3);
    const chosen = selectFrequency([
      { ...a, origin: 'x' },
      { ...b, origin: 'y' },
      { ...c, origin: 'z' },
    ]);
    expect(chosen).toMatchObject({ frequency: 'daily', excluded: [] });
    expect(chosen.bars).toHaveLength(3);
  });
});
