/**
 * Indicator and risk throughput against TA-Lib + numpy on the same data, all 505 symbols of all_stocks_5yr.csv
 * (619,040 bars): DEFAULT_INDICATORS (14 names), then `computeRisk` of every symbol's closes against the S&P 500,
 * each best of 3 after a warm-up; the same indicators in TA-Lib and the same risk metrics in numpy
 * (scripts/talib-bench.py, in the project's venv, installed here on first use), timed the same way.
 * The target is on the combined figure: indicators + risk at >= 0.5 of TA-Lib + numpy.
 * Run: `npm run bench`, or `node dist/bench/finance-indicators.js` after a build.
 */
import { execFile, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from '../config';
import { computeIndicator, DEFAULT_INDICATORS, type OhlcvArrays } from '../domain/finance/indicators';
import { writeResult } from './support';

const TARGET_RATIO = 0.5;
const REPEATS = 3;
const PERIODS_PER_YEAR = 252;
const SHARED_DATA = process.env.IBY_SHARED_DATA ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const CSV = path.join(SHARED_DATA, 'ohlcv', 'all_stocks_5yr.csv');
/** Same sessions as the stock file, so every symbol is joined with it on all of its dates. */
const BENCHMARK_CSV = path.join(SHARED_DATA, 'benchmark', 'GSPC_2013-02-08_2018-02-07.csv');
const VENV = path.join(PROJECT_ROOT, '.tools', 'venv');
const PYTHON = path.join(VENV, 'bin', 'python');

interface SymbolBars extends OhlcvArrays {
  name: string;
}

/** What talib-bench.py prints; the risk fields only when it was given the benchmark. */
interface PythonTimings {
  bars: number;
  seconds: number;
  barsPerSecond: number;
  riskSeconds?: number;
  riskBarsPerSecond?: number;
}

/** A type alias rather than an interface so that it fits bench/index.ts's `{ [key: string]: unknown }`. */
export type IndicatorBenchResult = {
  name: 'finance-indicators';
  bars: number;
  symbols: number;
  indicatorSeconds: number;
  indicatorsBarsPerSecond: number;
  talibBarsPerSecond: number | null;
  /** Indicators alone, ours over TA-Lib's. */
  indicatorsRatio: number | null;
  riskSeconds: number | null;
  riskBarsPerSecond: number | null;
  numpyRiskBarsPerSecond: number | null;
  /** Bars over the indicator time plus the risk time, each side. */
  combinedBarsPerSecond: number | null;
  talibNumpyBarsPerSecond: number | null;
  /** Indicators + risk, ours over TA-Lib + numpy: the figure the target is on. */
  combinedRatio: number | null;
  target: number;
  /** The combined ratio meets the target; false when either side could not be run. */
  pass: boolean;
  notes: string[];
};

export async function run(): Promise<IndicatorBenchResult> {
  const notes: string[] = [];
  const symbols = loadOhlcv(CSV, false);
  const bars = symbols.reduce((total, s) => total + s.close.length, 0);

  const computeAll = () => {
    for (const s of symbols) for (const name of DEFAULT_INDICATORS) computeIndicator(name, s);
  };
  // One untimed pass lets V8 optimise the kernels first: TA-Lib is compiled ahead of time.
  computeAll();
  const indicatorSeconds = bestOf(REPEATS, computeAll);
  const indicatorsBarsPerSecond = bars / indicatorSeconds;

  const riskSeconds = await timeRisk(notes);
  const python = await runPython(notes);
  if (python && python.bars !== bars) notes.push(`Python read ${python.bars} bars, we read ${bars}`);
  if (python && python.riskSeconds === undefined) notes.push('numpy risk metrics missing from the Python output');

  const talibBarsPerSecond = python ? python.barsPerSecond : null;
  const combinedBarsPerSecond = riskSeconds === null ? null : bars / (indicatorSeconds + riskSeconds);
  const talibNumpyBarsPerSecond = python?.riskSeconds ? bars / (python.seconds + python.riskSeconds) : null;
  const indicatorsRatio = talibBarsPerSecond ? indicatorsBarsPerSecond / talibBarsPerSecond : null;
  const combinedRatio =
    combinedBarsPerSecond !== null && talibNumpyBarsPerSecond ? combinedBarsPerSecond / talibNumpyBarsPerSecond : null;

  const ratioText = (ratio: number | null) => (ratio === null ? 'n/a' : ratio.toFixed(2));
  const speed = (perSecond: number | null) => (perSecond === null ? 'n/a' : `${mega(perSecond)} M`);
  console.log(
    `indicators: ${speed(indicatorsBarsPerSecond)} bars/s vs TA-Lib ${speed(talibBarsPerSecond)} ` +
      `(ratio ${ratioText(indicatorsRatio)}); indicators+risk: ${speed(combinedBarsPerSecond)} bars/s ` +
      `vs TA-Lib+numpy ${speed(talibNumpyBarsPerSecond)} (ratio ${ratioText(combinedRatio)}), ` +
      `target >= ${TARGET_RATIO} on indicators+risk`,
  );
  console.log(
    `  ${DEFAULT_INDICATORS.length} indicators + computeRisk vs S&P 500, ${symbols.length} symbols, ${bars} bars, ` +
      `best of ${REPEATS}: indicators ${indicatorSeconds.toFixed(3)} s, risk ` +
      `${riskSeconds === null ? 'n/a' : `${riskSeconds.toFixed(3)} s (${speed(bars / riskSeconds)} bars/s)`}; ` +
      `TA-Lib ${python ? `${python.seconds.toFixed(3)} s` : 'n/a'}, numpy risk ` +
      `${python?.riskSeconds ? `${python.riskSeconds.toFixed(3)} s (${speed(bars / python.riskSeconds)} bars/s)` : 'n/a'}`,
  );
  for (const note of notes) console.log(`note: ${note}`);
  const result: IndicatorBenchResult = {
    name: 'finance-indicators',
    bars,
    symbols: symbols.length,
    indicatorSeconds,
    indicatorsBarsPerSecond,
    talibBarsPerSecond,
    indicatorsRatio,
    riskSeconds,
    riskBarsPerSecond: riskSeconds === null ? null : bars / riskSeconds,
    numpyRiskBarsPerSecond: python?.riskBarsPerSecond ?? null,
    combinedBarsPerSecond,
    talibNumpyBarsPerSecond,
    combinedRatio,
    target: TARGET_RATIO,
    pass: combinedRatio !== null && combinedRatio >= TARGET_RATIO,
    notes,
  };
  writeResult('finance-indicators', result);
  return result;
}

/**
 * A bench-only reader (the real loader lives with the ETL): one pass over the lines, empty fields become NaN,
 * rows grouped by symbol and ordered by date. Dates are kept only when asked for: 619,040 live strings make every
 * full garbage collection during the indicator timing several times slower, and nothing there needs them.
 */
function loadOhlcv(file: string, withDates: true): (SymbolBars & { dates: string[] })[];
function loadOhlcv(file: string, withDates: false): SymbolBars[];
function loadOhlcv(file: string, withDates: boolean): (SymbolBars & { dates?: string[] })[] {
  const rows = new Map<string, string[][]>();
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    if (line === '') continue;
    const fields = line.split(',');
    const name = fields[6];
    let list = rows.get(name);
    if (!list) rows.set(name, (list = []));
    list.push(fields);
  }
  const field = (text: string): number => (text === '' ? NaN : Number(text));
  return [...rows.keys()].sort().map((name) => {
    const list = rows.get(name)!.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const column = (k: number) => Float64Array.from(list, (fields) => field(fields[k]));
    return {
      name,
      dates: withDates ? list.map((fields) => fields[0]) : undefined,
      open: column(1),
      high: column(2),
      low: column(3),
      close: column(4),
      volume: column(5),
    };
  });
}

function bestOf(repeats: number, work: () => void): number {
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return best;
}

/** Creates the venv and installs TA-Lib (a prebuilt wheel, no compiler needed) only when they are missing. */
function ensurePythonDeps(): string | null {
  if (!fs.existsSync(PYTHON)) {
    const venv = spawnSync('python3', ['-m', 'venv', VENV], { encoding: 'utf8' });
    if (venv.status !== 0) return `python3 -m venv failed: ${venv.stderr || String(venv.error)}`;
  }
  if (spawnSync(PYTHON, ['-c', 'import talib, numpy'], { encoding: 'utf8' }).status === 0) return null;
  const pip = spawnSync(PYTHON, ['-m', 'pip', 'install', '-q', 'ta-lib', 'numpy'], { encoding: 'utf8' });
  return pip.status === 0 ? null : `pip install ta-lib numpy failed: ${pip.stderr.trim().split('\n').pop() ?? ''}`;
}

async function runPython(notes: string[]): Promise<PythonTimings | null> {
  const problem = ensurePythonDeps();
  if (problem) {
    notes.push(`TA-Lib + numpy skipped: ${problem}`);
    return null;
  }
  const script = path.join(PROJECT_ROOT, 'scripts', 'talib-bench.py');
  try {
    const args = [script, CSV, String(REPEATS), BENCHMARK_CSV];
    const { stdout } = await promisify(execFile)(PYTHON, args, { encoding: 'utf8' });
    return JSON.parse(stdout) as PythonTimings;
  } catch (error) {
    notes.push(`TA-Lib + numpy run failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * Seconds for the full risk report (ratios, drawdown, distribution, rolling metrics, monthly table, benchmark
 * metrics) of every symbol's closes against the S&P 500, best of 3 after a warm-up. Loaded lazily so that the
 * indicator figures survive a risk module that does not load.
 */
async function timeRisk(notes: string[]): Promise<number | null> {
  try {
    const { computeRisk } = await import('../domain/finance/risk');
    const benchmark = loadBenchmarkCloses(BENCHMARK_CSV);
    const prices = loadOhlcv(CSV, true).map((s) => ({ dates: s.dates, prices: Array.from(s.close) }));
    const computeAll = () => {
      for (const series of prices) {
        if (series.prices.length > 2) computeRisk(series, { benchmark, periodsPerYear: PERIODS_PER_YEAR });
      }
    };
    computeAll();
    return bestOf(REPEATS, computeAll);
  } catch (error) {
    notes.push(`risk report skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
}

/** Dates and closes of a Yahoo-layout CSV (Date,Open,High,Low,Close,Adj Close,Volume), in date order. */
function loadBenchmarkCloses(file: string): { dates: string[]; prices: number[] } {
  const rows = fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { dates: rows.map((fields) => fields[0]), prices: rows.map((fields) => Number(fields[4])) };
}

const mega = (perSecond: number): string => (perSecond / 1e6).toFixed(1);

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
