import { InvalidRunRequest, normalizeMacroRequest } from '.';

describe('normalizeMacroRequest', () => {
  it('upper-cases, sorts and dedupes the series and keeps the given periods', () => {
    expect(
      normalizeMacroRequest({
        series: ['dgs10', 'CPIAUCSL', 'DGS10'],
        realtimeStart: '2020-01-01',
        realtimeEnd: '9999-12-31',
      }),
    ).toEqual({ series: ['CPIAUCSL', 'DGS10'], realtimeStart: '2020-01-01', realtimeEnd: '9999-12-31' });
  });

  it.each([
    [
      { series: ['DGS10'], realtimeStart: '2020-02-01', realtimeEnd: '2020-01-01' },
      'body/realtimeEnd (2020-01-01) is before',
    ],
    [{ series: ['DGS10'], realtimeEnd: '2020-01-01' }, 'body/realtimeStart is required with body/realtimeEnd'],
    [{ series: ['DGS10'], observationStart: '2020-02-01', observationEnd: '2020-01-01' }, 'body/observationEnd'],
  ])('refuses a period that ends before it starts, naming the field', (body, message) => {
    expect(() => normalizeMacroRequest(body)).toThrow(InvalidRunRequest);
    expect(() => normalizeMacroRequest(body)).toThrow(message);
  });
});
