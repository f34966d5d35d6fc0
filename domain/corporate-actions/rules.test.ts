import { detectSuspicions, type CloseBar } from '.';

/** Consecutive business-day-ish dates from 2020-01-01, one per close. */
function series(...closes: number[]): CloseBar[] {
  return closes.map((close, i) => ({ date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10), close }));
}

const reasons = (
  bars: CloseBar[],
  ...rest: Parameters<typeof detectSuspicions> extends [unknown, ...infer R] ? R : never
) => detectSuspicions(bars, ...rest).map((s) => `${s.reason} ${s.date}`);

describe('suspected corporate actions: a close-to-close move of 40 % or more', () => {
  it('flags exactly 40 % down and up, not 39.9 %', () => {
    expect(reasons(series(100, 100, 60, 60))).toEqual(['suspected_corporate_action 2020-01-03']);
    expect(reasons(series(100, 100, 140, 140))).toEqual(['suspected_corporate_action 2020-01-03']);
    expect(reasons(series(100, 100, 60.1, 60.1))).toEqual([]);
    expect(reasons(series(100, 100, 139.9, 139.9))).toEqual([]);
    // The same thresholds at other price levels, where the ratio is not a round binary number.
    expect(reasons(series(7.35, 4.41))).toEqual(['suspected_corporate_action 2020-01-02']);
    expect(reasons(series(7.35, 4.4174))).toEqual([]);
  });

  it('reports the move and both closes', () => {
    const [found] = detectSuspicions(series(66.29, 28.57, 29));
    expect(found).toMatchObject({ previousDate: '2020-01-01', previousClose: 66.29, date: '2020-01-02', close: 28.57 });
    expect(found.move).toBeCloseTo(28.57 / 66.29 - 1, 12);
  });

  it('does not flag a move that a recorded split or dividend explains', () => {
    const bars = series(100, 50.5, 51);
    expect(reasons(bars)).toEqual(['suspected_corporate_action 2020-01-02']);
    expect(reasons(bars, [{ exDate: '2020-01-02', kind: 'split', ratio: 2, cashAmount: null }])).toEqual([]);
    // A split recorded on a day without a bar applies to the next bar.
    const gap = [
      { date: '2020-01-03', close: 90 },
      { date: '2020-01-06', close: 30 },
    ];
    expect(reasons(gap, [{ exDate: '2020-01-04', kind: 'split', ratio: 3, cashAmount: null }])).toEqual([]);
    // A split that does not explain the move (2-for-1, but the close fell to less than a quarter) leaves it flagged.
    gap[1].close = 20;
    expect(reasons(gap, [{ exDate: '2020-01-06', kind: 'split', ratio: 2, cashAmount: null }])).toEqual([
      'suspected_corporate_action 2020-01-06',
    ]);
    // A large special dividend: 100 → 55 with 45 paid out is no move in total return.
    expect(reasons(series(100, 55), [{ exDate: '2020-01-02', kind: 'dividend', ratio: null, cashAmount: 45 }])).toEqual(
      [],
    );
    // An action outside (previous date, date] explains nothing.
    expect(reasons(bars, [{ exDate: '2020-01-01', kind: 'split', ratio: 2, cashAmount: null }])).toEqual([
      'suspected_corporate_action 2020-01-02',
    ]);
  });

  it('accepts bars out of order and never changes its input', () => {
    const bars = series(100, 40, 41).reverse();
    const copy = structuredClone(bars);
    expect(reasons(bars)).toEqual(['suspected_corporate_action 2020-01-02']);
    expect(bars).toEqual(copy);
  });

  it('flags nothing in a short or empty series', () => {
    expect(detectSuspicions([])).toEqual([]);
    expect(detectSuspicions(series(10))).toEqual([]);
  });
});

describe('suspected bad bars: a one-day spike of 25 % or more that reverts the next day', () => {
  it('flags a spike up or down whose next close is within 5 % of the close before it', () => {
    expect(reasons(series(40, 40.14, 50.62, 40.42, 40))).toEqual(['suspected_bad_bar 2020-01-03']);
    expect(reasons(series(44, 44.22, 30.81, 43.2, 43))).toEqual(['suspected_bad_bar 2020-01-03']);
    const [found] = detectSuspicions(series(100, 125, 100));
    expect(found).toMatchObject({
      reason: 'suspected_bad_bar',
      date: '2020-01-02',
      nextDate: '2020-01-03',
      nextClose: 100,
    });
  });

  it('holds the thresholds exactly: 25 % spikes, 5 % revert tolerance', () => {
    expect(reasons(series(100, 125, 105))).toEqual(['suspected_bad_bar 2020-01-02']);
    expect(reasons(series(100, 75, 95))).toEqual(['suspected_bad_bar 2020-01-02']);
    expect(reasons(series(100, 124.9, 100))).toEqual([]);
    expect(reasons(series(100, 125, 105.1))).toEqual([]);
    expect(reasons(series(100, 125, 94.9))).toEqual([]);
  });

  it('needs a next bar: a spike on the last bar is only a move', () => {
    expect(reasons(series(100, 130))).toEqual([]);
    expect(reasons(series(100, 150))).toEqual(['suspected_corporate_action 2020-01-02']);
  });

  it('takes a spike of 40 % or more that reverts as a bad bar, not as two corporate actions', () => {
    expect(reasons(series(35, 35.35, 17.87, 35.91, 36))).toEqual(['suspected_bad_bar 2020-01-03']);
  });

  it('keeps a lasting move as a corporate action when the next day does not revert it', () => {
    expect(reasons(series(100, 50, 55, 54))).toEqual(['suspected_corporate_action 2020-01-02']);
    // 30 % up, then only part of the way back: neither rule.
    expect(reasons(series(100, 130, 115))).toEqual([]);
  });

  it('does not test the reverting bar as a new spike', () => {
    // 100 → 130 → 100 → 130: the first spike reverts on day 3; day 3 → day 4 is then tested on its own.
    expect(reasons(series(100, 130, 100, 130, 100))).toEqual([
      'suspected_bad_bar 2020-01-02',
      'suspected_bad_bar 2020-01-04',
    ]);
  });
});
