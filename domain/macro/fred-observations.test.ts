import { FredFormatError, parseFredObservations } from '.';

/** FRED's documented envelope around some observations. */
const answer = (observations: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    realtime_start: '2020-01-01',
    realtime_end: '9999-12-31',
    observation_start: '1600-01-01',
    observation_end: '9999-12-31',
    units: 'lin',
    output_type: 1,
    file_type: 'json',
    order_by: 'observation_date',
    sort_order: 'asc',
    count: observations.length,
    offset: 0,
    limit: 100000,
    observations,
    ...extra,
  });

const row = (date: string, value: string, realtime_start = '2020-01-01', realtime_end = '9999-12-31') => ({
  realtime_start,
  realtime_end,
  date,
  value,
});

describe('parseFredObservations', () => {
  it('reads each vintage of each date, "." as a missing value, and the units', () => {
    const parsed = parseFredObservations(
      answer([
        row('2019-12-30', '1.90', '2019-12-31', '2020-01-05'),
        row('2019-12-30', '1.91', '2020-01-06'),
        row('2019-12-31', '1.92'),
        row('2020-01-01', '.'),
        row('2020-01-02', '-0.05'),
      ]),
    );
    expect(parsed).toEqual({
      units: 'lin',
      realtimeStart: '2020-01-01',
      realtimeEnd: '9999-12-31',
      missing: 1,
      observations: [
        { date: '2019-12-30', realtimeStart: '2019-12-31', realtimeEnd: '2020-01-05', value: 1.9 },
        { date: '2019-12-30', realtimeStart: '2020-01-06', realtimeEnd: '9999-12-31', value: 1.91 },
        { date: '2019-12-31', realtimeStart: '2020-01-01', realtimeEnd: '9999-12-31', value: 1.92 },
        { date: '2020-01-01', realtimeStart: '2020-01-01', realtimeEnd: '9999-12-31', value: null },
        { date: '2020-01-02', realtimeStart: '2020-01-01', realtimeEnd: '9999-12-31', value: -0.05 },
      ],
    });
  });

  it('accepts an answer without observations in range', () => {
    expect(parseFredObservations(answer([]))).toEqual({
      units: 'lin',
      realtimeStart: '2020-01-01',
      realtimeEnd: '9999-12-31',
      missing: 0,
      observations: [],
    });
  });

  it.each([
    ['not JSON', '<html>Service Unavailable</html>', 'invalid JSON'],
    ['an array', '[]', 'expected a JSON object'],
    ['FRED’s error object', JSON.stringify({ error_code: 400, error_message: 'Bad Request.' }), 'no "observations"'],
    ['a value that is no number', answer([row('2020-01-02', 'n/a')]), 'observations[0].value "n/a"'],
    ['a numeric value', answer([{ ...row('2020-01-02', '1'), value: 1 }]), 'observations[0].value is not a string'],
    ['a bad date', answer([row('2020-13-02', '1')]), 'observations[0].date is not a YYYY-MM-DD date'],
    [
      'a missing realtime_end',
      answer([{ date: '2020-01-02', realtime_start: '2020-01-01', value: '1' }]),
      'realtime_end',
    ],
    [
      'a vintage ending before it starts',
      answer([row('2020-01-02', '1', '2020-02-01', '2020-01-31')]),
      'before it starts',
    ],
    ['a bad real-time period', answer([], { realtime_end: 'today' }), 'realtime_end is not a YYYY-MM-DD date'],
    [
      'an answer cut at FRED’s limit',
      answer([row('2020-01-02', '1')], { count: 2, limit: 1 }),
      'holds 1 of 2 observations',
    ],
    [
      'a repeated date of one vintage',
      answer([row('2020-01-02', '1'), row('2020-01-02', '2')]),
      'repeats date 2020-01-02',
    ],
  ])('refuses %s, saying what is wrong', (_name, text, problem) => {
    expect(() => parseFredObservations(text)).toThrow(FredFormatError);
    expect(() => parseFredObservations(text)).toThrow(problem);
  });
});
