/**
 * Every deterministic case of empyrical's own regression tests (quantopian/empyrical test_stats.py), read from the
 * shared reference file. A case whose metric or argument this file cannot map fails: nothing is skipped.
 */
import fs from 'node:fs';
import { sharedData } from '../../../test/support/shared-data';
import {
  aggregateReturns,
  alignByDate,
  alpha,
  annualReturn,
  annualVolatility,
  beta,
  cagr,
  calmarRatio,
  cumReturns,
  cumReturnsFinal,
  downsideRisk,
  excessSharpe,
  maxDrawdown,
  omegaRatio,
  sharpeRatio,
  sortinoRatio,
  stabilityOfTimeseries,
  tailRatio,
  type CalendarPeriod,
} from '.';

type Json = number | string | null | Json[];
interface FixtureCase {
  metric: string;
  returns: string;
  expected: Json;
  period?: string;
  required_return?: number | string;
  risk_free?: number | string;
  factor_returns?: number | string;
  benchmark?: string;
  starting_value?: number;
  decimals?: number;
  convert_to?: string;
  index?: string;
  custom?: number[];
}
interface Fixtures {
  series: Record<string, Array<number | null>>;
  cases: FixtureCase[];
}

const fixtures = JSON.parse(
  fs.readFileSync(sharedData('reference', 'risk', 'empyrical_stats_fixtures.json'), 'utf8'),
) as Fixtures;

const PERIODS: Record<string, number> = { daily: 252, weekly: 52, monthly: 12, yearly: 1 };

function periodsOf(c: FixtureCase): number {
  const periods = PERIODS[c.period ?? 'daily'];
  if (periods === undefined) throw new Error(`unmapped period ${c.period}`);
  return periods;
}

function namedSeries(name: string): number[] {
  const values = fixtures.series[name];
  if (!values) throw new Error(`unmapped series ${name}`);
  return values.map((v) => (v === null ? NaN : v));
}

function returnsOf(c: FixtureCase): number[] {
  if (c.returns.startsWith('custom')) {
    if (!c.custom) throw new Error(`custom series without values in ${c.returns}`);
    return c.custom;
  }
  return namedSeries(c.returns);
}

function rateOf(value: number | string | undefined): number | number[] {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : namedSeries(value);
}

/** The fixture's default index: one day apart from 2000-01-30 (pandas `date_range('2000-1-30', freq='D')`). */
function dailyDates(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(2000, 0, 30 + offset + i)).toISOString().slice(0, 10),
  );
}

/** `alpha_beta` benchmarks: a series name, optionally negated or sliced from 1, aligned by date as pandas does. */
function alphaBeta(c: FixtureCase): [number, number] {
  const spec = /^(-?)(\w+?)(\[1:\])?$/.exec(c.benchmark ?? '');
  if (!spec) throw new Error(`unmapped benchmark ${c.benchmark}`);
  const r = returnsOf(c);
  let b = namedSeries(spec[2]).map((v) => (spec[1] ? -v : v));
  let bDates = dailyDates(b.length);
  if (spec[3]) {
    b = b.slice(1);
    bDates = bDates.slice(1);
  }
  const joined = alignByDate({ dates: dailyDates(r.length), values: r }, { dates: bDates, values: b });
  return [alpha(joined.a, joined.b, 252), beta(joined.a, joined.b)];
}

function compute(c: FixtureCase): number | number[] {
  const r = returnsOf(c);
  switch (c.metric) {
    case 'cum_returns':
      return cumReturns(r, c.starting_value ?? 0);
    case 'cum_returns_final':
      return cumReturnsFinal(r, c.starting_value ?? 0);
    case 'aggregate_returns': {
      const dates = JSON.parse((c.index ?? '').replace(/'/g, '"')) as string[];
      return aggregateReturns(r, dates, c.convert_to as CalendarPeriod).map((p) => p.value);
    }
    case 'max_drawdown':
      return maxDrawdown(r);
    case 'annual_return':
      return annualReturn(r, periodsOf(c));
    case 'cagr':
      return cagr(r, periodsOf(c));
    case 'annual_volatility':
      return annualVolatility(r, periodsOf(c));
    case 'calmar_ratio':
      return calmarRatio(r, periodsOf(c));
    case 'omega_ratio':
      return omegaRatio(r, rateOf(c.risk_free), Number(c.required_return ?? 0));
    case 'sharpe_ratio':
      return sharpeRatio(r, rateOf(c.risk_free), periodsOf(c));
    case 'downside_risk':
      return downsideRisk(r, rateOf(c.required_return), periodsOf(c));
    case 'sortino_ratio':
      return sortinoRatio(r, rateOf(c.required_return), periodsOf(c));
    case 'excess_sharpe':
      return excessSharpe(r, rateOf(c.factor_returns));
    case 'alpha_beta':
      return alphaBeta(c);
    case 'stability_of_timeseries':
      return stabilityOfTimeseries(r);
    case 'tail_ratio':
      return tailRatio(r);
    default:
      throw new Error(`unmapped metric ${c.metric}`);
  }
}

/** The expected value as a number: null stands for NaN, "inf" for +Infinity. */
function expectedNumber(value: Json): number {
  if (value === null) return NaN;
  if (value === 'inf') return Infinity;
  if (value === '-inf') return -Infinity;
  if (typeof value === 'number') return value;
  throw new Error(`unmapped expected value ${JSON.stringify(value)}`);
}

/** empyrical's own precision when the case gives one (`assert_almost_equal`), else 1e-6 relative. */
function expectClose(actual: number, expected: number, decimals: number | undefined): void {
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  const tolerance = decimals === undefined ? 1e-6 * Math.abs(expected) + 1e-12 : 1.5 * 10 ** -decimals;
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new Error(`expected ${expected}, got ${actual} (tolerance ${tolerance})`);
  }
}

function label(c: FixtureCase, i: number): string {
  const args = ['period', 'risk_free', 'required_return', 'factor_returns', 'benchmark', 'starting_value', 'convert_to']
    .filter((key) => key in c)
    .map((key) => `${key}=${String(c[key as keyof FixtureCase])}`);
  return `#${i} ${c.metric}(${[c.returns, ...args].join(', ')})`;
}

describe('empyrical reference cases', () => {
  it('has all 84 cases', () => {
    expect(fixtures.cases).toHaveLength(84);
  });

  it.each(fixtures.cases.map((c, i) => [label(c, i), c] as const))('%s', (_name, c) => {
    const actual = compute(c);
    if (Array.isArray(c.expected)) {
      const expected = c.expected.map(expectedNumber);
      expect(Array.isArray(actual) && actual.length).toBe(expected.length);
      expected.forEach((e, k) => expectClose((actual as number[])[k], e, c.decimals));
    } else {
      expect(typeof actual).toBe('number');
      expectClose(actual as number, expectedNumber(c.expected), c.decimals);
    }
  });
});
