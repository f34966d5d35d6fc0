import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCaptured } from './test-support';
import { sharedData } from '../test/support/shared-data';
import { runAnalyze } from './analyze-command';

const AAPL = sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv');
const GSPC = sharedData('benchmark', 'GSPC_2013-02-08_2018-02-07.csv');
const NVDA_YAHOO = sharedData('ohlcv', 'yahoo_adjclose', 'nvda-1999-2014.csv');

const RISK_KEYS = [
  'total_return',
  'cagr',
  'annual_volatility',
  'sharpe',
  'downside_risk',
  'sortino',
  'calmar',
  'max_drawdown',
  'max_drawdown_peak',
  'max_drawdown_trough',
  'max_drawdown_recovery',
  'omega',
  'tail_ratio',
  'stability',
  'skew',
  'kurtosis',
  'var_95',
  'cvar_95',
  'win_rate',
];
const BENCHMARK_KEYS = ['beta', 'alpha', 'correlation', 'r_squared', 'excess_sharpe', 'information_ratio', 'treynor'];

const run = (...argv: string[]) => runCaptured(runAnalyze, argv);

interface AnalyzeJson {
  symbol: string;
  periodsPerYear: number;
  bars: number;
  from: string;
  to: string;
  dates: string[];
  indicators: Record<string, Array<number | null> | Record<string, Array<number | null>>>;
  risk: Record<string, unknown>;
  trend: Record<string, unknown>;
}

async function runJson(...argv: string[]): Promise<AnalyzeJson> {
  const { code, out, err } = await run(...argv, '--json');
  expect(err).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out) as AnalyzeJson;
}

/** Closes of a CSV by column name, read here independently of the project's parser. */
function column(file: string, name: string): number[] {
  const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const at = header.split(',').indexOf(name);
  return rows.map((row) => Number(row.split(',')[at]));
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iby-analyze-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function tempFile(name: string, text: string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('iby analyze --json', () => {
  it('prints every series per bar and every risk and trend key for AAPL against the S&P 500', async () => {
    const json = await runJson(AAPL, '--benchmark', GSPC);
    expect(Object.keys(json)).toEqual([
      'symbol',
      'periodsPerYear',
      'bars',
      'from',
      'to',
      'dates',
      'indicators',
      'risk',
      'trend',
    ]);
    expect(json).toMatchObject({
      symbol: 'AAPL',
      periodsPerYear: 252,
      bars: 1259,
      from: '2013-02-08',
      to: '2018-02-07',
    });
    expect(json.dates).toHaveLength(1259);
    expect(Object.keys(json.indicators)).toHaveLength(14);
    for (const output of Object.values(json.indicators)) {
      const parts = Array.isArray(output) ? [output] : Object.values(output);
      for (const values of parts) expect(values).toHaveLength(1259);
    }
    const closes = column(AAPL, 'close');
    const sma20 = json.indicators.sma_20 as Array<number | null>;
    expect(sma20.slice(0, 19)).toEqual(new Array(19).fill(null));
    expect(sma20[19]).toBeCloseTo(closes.slice(0, 20).reduce((a, b) => a + b) / 20, 10);

    for (const key of [...RISK_KEYS, ...BENCHMARK_KEYS]) expect(json.risk).toHaveProperty(key);
    // numpy on the same files (see domain/finance/risk/compute-risk.test.ts)
    expect(json.risk.total_return).toBeCloseTo(closes[closes.length - 1] / closes[0] - 1, 12);
    expect(json.risk.total_return).toBeCloseTo(1.3512177580754026, 10);
    expect(json.risk.beta).toBeCloseTo(0.9831193793491168, 10);
    expect(json.risk.max_drawdown).toBeCloseTo(-0.3207518796992481, 10);
    expect(json.risk).toMatchObject({
      max_drawdown_peak: '2015-02-23',
      max_drawdown_trough: '2016-05-12',
      max_drawdown_recovery: '2017-02-13',
      price_field: 'close',
    });
    const rollingBeta = json.risk.rolling_beta as Array<number | null>;
    expect(rollingBeta).toHaveLength(1259);
    expect(rollingBeta.slice(0, 126).every((v) => v === null)).toBe(true);
    expect(typeof rollingBeta[126]).toBe('number');

    expect(json.trend).toMatchObject({
      label: 'sideways',
      close_vs_sma_200: 'below',
      last_cross: { kind: 'golden_cross', date: '2016-09-02' },
      regression_bars: 252,
    });
    expect(json.trend.from_52w_high).toBeCloseTo(closes[closes.length - 1] / 180.1 - 1, 12);
    expect(String(json.trend.rule)).toContain('sideways');
  });

  it('leaves out benchmark keys without a benchmark', async () => {
    const json = await runJson(AAPL, '--indicators', 'sma_5');
    for (const key of BENCHMARK_KEYS) expect(json.risk).not.toHaveProperty(key);
    expect(json.risk).not.toHaveProperty('rolling_beta');
    expect(Object.keys(json.indicators)).toEqual(['sma_5']);
  });

  it('annualises with --periods-per-year', async () => {
    const daily = await runJson(AAPL, '--indicators', 'sma_5');
    const weekly = await runJson(AAPL, '--indicators', 'sma_5', '--periods-per-year=52');
    expect(weekly.periodsPerYear).toBe(52);
    expect(weekly.risk.annual_volatility as number).toBeCloseTo(
      ((daily.risk.annual_volatility as number) / Math.sqrt(252)) * Math.sqrt(52),
      12,
    );
  });

  it('measures risk on the adjusted close of a Yahoo file', async () => {
    const json = await runJson(NVDA_YAHOO, '--indicators', 'rsi_14');
    const adjusted = column(NVDA_YAHOO, 'Adj Close');
    expect(json.symbol).toBe('NVDA');
    expect(json.risk.price_field).toBe('adj_close');
    expect(json.risk.total_return).toBeCloseTo(adjusted[adjusted.length - 1] / adjusted[0] - 1, 9);
  });

  it('picks one symbol of a multi-symbol file with --symbol', async () => {
    const rows = ['date,open,high,low,close,volume,Name'];
    for (let i = 0; i < 30; i++) {
      const date = new Date(Date.UTC(2021, 0, 4 + i)).toISOString().slice(0, 10);
      rows.push(`${date},${10 + i},${11 + i},${9 + i},${10 + i},100,AAA`, `${date},20,21,19,${20 - i / 10},100,BBB`);
    }
    const file = tempFile('two.csv', `${rows.join('\n')}\n`);
    const json = await runJson(file, '--symbol', 'aaa', '--indicators', 'sma_3');
    expect(json.symbol).toBe('AAA');
    expect(json.bars).toBe(30);
    expect(json.risk.total_return).toBeCloseTo(39 / 10 - 1, 12);

    const { code, err } = await run(file);
    expect(code).toBe(1);
    expect(err).toMatch(
      /^iby analyze: .*two\.csv holds more than one symbol \(AAA, BBB, …\); pick one with --symbol\n$/,
    );
  });
});

describe('iby analyze input', () => {
  it('reads one symbol of the 505-symbol file as the single-symbol file gives it', async () => {
    const all = await runJson(sharedData('ohlcv', 'all_stocks_5yr.csv'), '--symbol', 'AAPL', '--indicators', 'rsi_14');
    const single = await runJson(AAPL, '--indicators', 'rsi_14');
    expect(all).toEqual(single);
  });

  it('warns on stderr about rows the validator left out, and goes on', async () => {
    const file = tempFile(
      'GAPPY.csv',
      'Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n2020-01-03,1,1,1,-5\n2020-01-06,1,1.2,1,1.1\n2020-01-07,1,1.2,1,1.2\n',
    );
    const { code, out, err } = await run(file, '--json', '--indicators', 'sma_2');
    expect(code).toBe(0);
    expect(err).toMatch(/^iby analyze: warning: .*GAPPY\.csv: 1 invalid rows left out\n$/);
    expect((JSON.parse(out) as AnalyzeJson).dates).toEqual(['2020-01-02', '2020-01-06', '2020-01-07']);
  });
});

describe('iby analyze summary', () => {
  it('prints the headline numbers and the trend rule', async () => {
    const { code, out, err } = await run(AAPL, '--benchmark', GSPC);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/^AAPL: 1259 bars, 2013-02-08 to 2018-02-07, 252 periods a year/);
    expect(out).toMatch(/total return\s+135\.12%/);
    expect(out).toMatch(/max drawdown\s+-32\.08% peak 2015-02-23, trough 2016-05-12, recovered 2017-02-13/);
    expect(out).toMatch(/beta \/ alpha\s+0\.98 \/ 8\.20%/);
    expect(out).toContain('Trend: SIDEWAYS');
    expect(out).toContain('rule: up when');
    expect(out).toMatch(/sma_20\s+171\.0125/);
  });
});

describe('iby analyze errors', () => {
  const expectOneLineError = (err: string, pattern: RegExp): void => {
    expect(err).toMatch(pattern);
    expect(err).not.toMatch(/\n\s+at /);
  };

  it('names a missing file', async () => {
    const { code, out, err } = await run(path.join(tmp, 'nope.csv'));
    expect(code).toBe(1);
    expect(out).toBe('');
    expectOneLineError(err, /^iby analyze: cannot read .*nope\.csv: no such file\n$/);
  });

  it('names an unknown layout', async () => {
    const { code, err } = await run(tempFile('odd.csv', 'when,what\n2020-01-01,1\n'));
    expect(code).toBe(1);
    expectOneLineError(err, /^iby analyze: .*odd\.csv: Unknown price file layout: header \[when,what\]/);
    expect(err.trim().split('\n')).toHaveLength(1);
  });

  it('names an unknown indicator or a bad parameter', async () => {
    const unknown = await run(AAPL, '--indicators', 'sma_20,frobnicate_3');
    expect(unknown.code).toBe(2);
    expectOneLineError(unknown.err, /^iby analyze: Unknown indicator 'frobnicate_3'; known indicators: sma_<period>/);
    expect(unknown.err.split('\n')).toHaveLength(2);
    const bad = await run(AAPL, '--indicators', 'sma_0');
    expect(bad.code).toBe(2);
    expectOneLineError(
      bad.err,
      /^iby analyze: sma: period must be an integer >= 1, got 0 \(see iby analyze --help\)\n$/,
    );
  });

  it('names a bad flag or value', async () => {
    const flag = await run(AAPL, '--frequency', 'daily');
    expect(flag.code).toBe(2);
    expectOneLineError(flag.err, /^iby analyze: unknown option --frequency \(see iby analyze --help\)\n$/);
    const value = await run(AAPL, '--periods-per-year', 'many');
    expect(value.code).toBe(2);
    expectOneLineError(value.err, /^iby analyze: bad --periods-per-year "many"/);
    const missing = await run();
    expect(missing.code).toBe(2);
    expectOneLineError(missing.err, /^iby analyze: missing the prices CSV file \(see iby analyze --help\)\n$/);
  });

  it('says when there are too few bars or common dates', async () => {
    const short = tempFile('XYZ.csv', 'Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n2020-01-03,1,1.2,1,1.1\n');
    const few = await run(short);
    expect(few.code).toBe(1);
    expectOneLineError(few.err, /^iby analyze: .*XYZ\.csv: too few bars for XYZ: 2, need at least 3\n$/);
    const elsewhere = tempFile('OTHER.csv', 'Date,Open,High,Low,Close\n1990-01-02,1,1,1,1\n1990-01-03,1,1.2,1,1.1\n');
    const disjoint = await run(AAPL, '--benchmark', elsewhere);
    expect(disjoint.code).toBe(1);
    expectOneLineError(
      disjoint.err,
      /^iby analyze: too few common dates with the benchmark: 0 returns, need at least 2\n$/,
    );
  });

  it('prints its usage on --help', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toContain('usage: iby analyze <prices.csv>');
  });
});
