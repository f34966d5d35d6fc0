import { parseReplicas } from './replicas';

const base = { etl: 1, data: 1, analysis: 1 };

describe('parseReplicas', () => {
  it('overrides the configured counts with the ones named', () => {
    expect(parseReplicas('etl=3, data=2', base)).toEqual({ etl: 3, data: 2, analysis: 1 });
    expect(parseReplicas('analysis=0', { ...base, etl: 2 })).toEqual({ etl: 2, data: 1, analysis: 0 });
  });

  it('names what it accepts when a part is wrong', () => {
    expect(() => parseReplicas('web=2', base)).toThrow(/unknown service "web"; known: etl, data, analysis/);
    expect(() => parseReplicas('etl:2', base)).toThrow(/expected service=count/);
    expect(() => parseReplicas('etl=33', base)).toThrow(/more than 32/);
  });
});
