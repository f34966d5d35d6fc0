import fc from 'fast-check';
import { PRICE_ADJUSTMENTS } from '../../contracts/corporate-actions';
import { adjustBars, type AdjustableBar, type RecordedAction } from '.';

const bar = (date: string, close: number, volume = 1000): AdjustableBar => ({
  date,
  open: close + 1,
  high: close + 2,
  low: close - 1,
  close,
  volume,
});

const split = (exDate: string, ratio: number): RecordedAction => ({ exDate, kind: 'split', ratio, cashAmount: null });
const dividend = (exDate: string, cashAmount: number): RecordedAction => ({
  exDate,
  kind: 'dividend',
  ratio: null,
  cashAmount,
});

const closes = (bars: readonly AdjustableBar[]) => bars.map((b) => b.close);

/** Hand-computed closes, to 12 decimals (the products are not exact in binary). */
function expectCloses(bars: readonly AdjustableBar[], expected: number[]): void {
  expect(bars).toHaveLength(expected.length);
  bars.forEach((b, i) => expect(b.close).toBeCloseTo(expected[i], 12));
}

describe('adjustBars: back-adjustment for recorded splits and dividends', () => {
  const bars = [bar('2020-01-02', 100), bar('2020-01-03', 102), bar('2020-01-06', 51), bar('2020-01-07', 52)];

  it('a 2-for-1 split halves every price before the ex-date and doubles the volume', () => {
    const { bars: adjusted, factorsApplied } = adjustBars(bars, [split('2020-01-06', 2)], 'splits');
    expect(factorsApplied).toBe(1);
    expect(adjusted.slice(0, 2)).toEqual([
      { date: '2020-01-02', open: 50.5, high: 51, low: 49.5, close: 50, volume: 2000 },
      { date: '2020-01-03', open: 51.5, high: 52, low: 50.5, close: 51, volume: 2000 },
    ]);
    expect(adjusted.slice(2)).toEqual(bars.slice(2));
  });

  it('a dividend scales the prices before it by 1 − dividend / previous close, and not the volume', () => {
    // Dividend 2.04 on 2020-01-06, previous close 102: factor 1 − 2.04/102 = 0.98.
    const {
      bars: adjusted,
      factorsApplied,
      dividendsApplied,
    } = adjustBars(bars, [dividend('2020-01-06', 2.04)], 'total');
    expect({ factorsApplied, dividendsApplied }).toEqual({ factorsApplied: 1, dividendsApplied: true });
    expectCloses(adjusted, [98, 99.96, 51, 52]);
    expect(adjusted[0].open).toBeCloseTo(101 * 0.98, 12);
    expect(adjusted[0].volume).toBe(1000);
  });

  it('`splits` leaves dividends out and `none` changes nothing', () => {
    const actions = [split('2020-01-06', 2), dividend('2020-01-07', 1.02)];
    expect(closes(adjustBars(bars, actions, 'splits').bars)).toEqual([50, 51, 51, 52]);
    expect(adjustBars(bars, actions, 'splits').dividendsApplied).toBe(false);
    expect(adjustBars(bars, actions, 'none')).toEqual({ bars, factorsApplied: 0, dividendsApplied: false });
  });

  it('a split and a dividend on the same day: the dividend is per new share, against the previous close in new shares', () => {
    // 2-for-1 and 1.02 a (new) share on 2020-01-06; previous close 102 is 51 in new shares: 1/2 × (1 − 1.02/51) = 0.49.
    const { bars: adjusted, factorsApplied } = adjustBars(
      bars,
      [dividend('2020-01-06', 1.02), split('2020-01-06', 2)],
      'total',
    );
    expect(factorsApplied).toBe(2);
    expect(adjusted[0].close).toBeCloseTo(49, 12);
    expect(adjusted[1].close).toBeCloseTo(49.98, 12);
    expect(adjusted[1].volume).toBe(2000);
    expect(adjusted.slice(2)).toEqual(bars.slice(2));
  });

  it('compounds later actions: a bar before two ex-dates takes both factors', () => {
    // Split 2 on 01-06; dividend 0.51 on 01-07 against the previous close 51: factor 1 − 0.51/51 = 0.99.
    const { bars: adjusted } = adjustBars(bars, [split('2020-01-06', 2), dividend('2020-01-07', 0.51)], 'total');
    expectCloses(adjusted, [49.5, 50.49, 50.49, 52]);
  });

  it('an ex-date on a day without a bar applies from the next bar', () => {
    const { bars: adjusted } = adjustBars(bars, [split('2020-01-04', 2)], 'splits');
    expect(closes(adjusted)).toEqual([50, 51, 51, 52]);
  });

  it('ignores an action with no bar before its ex-date, or after the last bar', () => {
    const outside = [split('2020-01-02', 2), split('2019-06-01', 4), dividend('2020-01-08', 1), split('2021-01-01', 3)];
    expect(adjustBars(bars, outside, 'total')).toEqual({ bars, factorsApplied: 0, dividendsApplied: false });
    expect(adjustBars([], outside, 'total').bars).toEqual([]);
  });

  it('does not apply a dividend of at least the previous close (bad data) nor an empty one', () => {
    expect(adjustBars(bars, [dividend('2020-01-06', 102), dividend('2020-01-07', 0)], 'total')).toEqual({
      bars,
      factorsApplied: 0,
      dividendsApplied: false,
    });
  });

  it('keeps null prices null and other fields of the bar', () => {
    const sparse = [{ ...bar('2020-01-02', 10), open: null, volume: null, flags: ['x'] }, bar('2020-01-03', 5)];
    const [first] = adjustBars(sparse, [split('2020-01-03', 2)], 'splits').bars;
    expect(first).toEqual({ date: '2020-01-02', open: null, high: 6, low: 4.5, close: 5, volume: null, flags: ['x'] });
  });
});

describe('adjustBars properties', () => {
  const DAY = 86_400_000;
  const dateOf = (offset: number) => new Date(Date.UTC(2020, 0, 1) + offset * DAY).toISOString().slice(0, 10);

  /** Ascending bars on distinct days and actions on days inside, before and after them. */
  const input = fc
    .record({
      gaps: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 }),
      closes: fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 60, maxLength: 60 }),
      actions: fc.array(
        fc.record({
          day: fc.integer({ min: -5, max: 320 }),
          split: fc.boolean(),
          ratio: fc.constantFrom(0.1, 0.5, 1.5, 2, 3, 4, 10),
          yield: fc.double({ min: 0, max: 0.2, noNaN: true }),
        }),
        { maxLength: 10 },
      ),
    })
    .map(({ gaps, closes: cs, actions }) => {
      let day = 0;
      const bars = gaps.map((gap, i) => bar(dateOf((day += gap)), cs[i], 100 + i));
      const recorded = new Map<string, RecordedAction>();
      for (const a of actions) {
        const exDate = dateOf(a.day);
        const action = a.split ? split(exDate, a.ratio) : dividend(exDate, a.yield * cs[0]);
        recorded.set(`${exDate} ${action.kind}`, action); // one action of a kind a day, as the table keys them
      }
      return { bars, actions: [...recorded.values()] };
    });

  const relClose = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));

  it('never changes the latest bar', () => {
    fc.assert(
      fc.property(input, fc.constantFrom(...PRICE_ADJUSTMENTS), (s, adjust) => {
        expect(adjustBars(s.bars, s.actions, adjust).bars.at(-1)).toEqual(s.bars.at(-1));
      }),
    );
  });

  it('with no actions the series is unchanged', () => {
    fc.assert(
      fc.property(input, (s) => {
        expect(adjustBars(s.bars, [], 'total')).toEqual({ bars: s.bars, factorsApplied: 0, dividendsApplied: false });
      }),
    );
  });

  it('a splits-adjusted close times the ratios of the later splits is the raw close, and volume the inverse', () => {
    fc.assert(
      fc.property(input, (s) => {
        const adjusted = adjustBars(s.bars, s.actions, 'splits').bars;
        const last = s.bars[s.bars.length - 1].date;
        s.bars.forEach((raw, i) => {
          const ratio = s.actions
            .filter((a) => a.kind === 'split' && a.exDate > raw.date && a.exDate <= last)
            .reduce((p, a) => p * (a.ratio as number), 1);
          expect(relClose(adjusted[i].close * ratio, raw.close)).toBe(true);
          expect(relClose((adjusted[i].volume as number) / ratio, raw.volume as number)).toBe(true);
        });
      }),
    );
  });

  it('a dividend never raises a price: total-return closes are at most the splits-adjusted ones', () => {
    fc.assert(
      fc.property(input, (s) => {
        const splits = adjustBars(s.bars, s.actions, 'splits').bars;
        const total = adjustBars(s.bars, s.actions, 'total').bars;
        total.forEach((b, i) => expect(b.close).toBeLessThanOrEqual(splits[i].close * (1 + 1e-12)));
      }),
    );
  });
});
