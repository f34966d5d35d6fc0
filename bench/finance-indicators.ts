/**
 * Indicator throughput against TA-Lib on the same data: DEFAULT_INDICATORS (14 names) over all 505 symbols of
 * all_stocks_5yr.csv (619,040 bars), best of 3, then the same functions in TA-Lib (scripts/talib-bench.py, in the
 * project's venv, installed here on first use), and the risk report over the same closes.
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
const SHARED_DATA = process.env.IBY_SHARED_DATA ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
const CSV = path.join(SHARED_DATA, 'ohlcv', 'all_stocks_5yr.csv');
const VENV = path.join(PROJECT_ROOT, '.tools', 'venv');
const PYTHON = path.join(VENV, 'bin', 'python');

interface SymbolBars extends OhlcvArrays {
  name: string;
}

/** A type alias rather than an interface so that it fits bench/index.ts's `{ [key: string]: unknown }`. */
export type IndicatorBenchResult = {
  name: 'finance-indicators';
  bars: number;
  symbols: number;
  seconds: number;
  barsPerSecond: number;
  talibBarsPerSecond: number | null;
  ratio: number | null;
  target: number;
  /** Meets the target; false when TA-Lib could not be run (no ratio). */
  pass: boolean;
  riskBarsPerSecond: number | null;
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
  const seconds = bestOf(REPEATS, computeAll);
  const barsPerSecond = bars / seconds;

  const talib = await runTalib(notes);
  if (talib && talib.bars !== bars) notes.push(`TA-Lib read ${talib.bars} bars, we read ${bars}`);
  const talibBarsPerSecond = talib ? talib.barsPerSecond : null;
  const ratio = talibBarsPerSecond ? barsPerSecond / talibBarsPerSecond : null;

  const riskBarsPerSecond = await timeRisk(bars, notes);

  console.log(
    `indicators: ${mega(barsPerSecond)} M bars/s (${DEFAULT_INDICATORS.length} indicators, ${symbols.length} symbols, ` +
      `${bars} bars, best of ${REPEATS}: ${seconds.toFixed(3)} s), TA-Lib: ` +
      (talibBarsPerSecond ? `${mega(talibBarsPerSecond)} M bars/s, ratio ${ratio!.toFixed(2)}` : 'n/a') +
      ` (target >= ${TARGET_RATIO})`,
  );
  if (riskBarsPerSecond !== null) console.log(`risk report: ${mega(riskBarsPerSecond)} M bars/s`);
  for (const note of notes) console.log(`note: ${note}`);
  const result: IndicatorBenchResult = {
    name: 'finance-indicators',
    bars,
    symbols: symbols.length,
    seconds,
    barsPerSecond,
    talibBarsPerSecond,
    ratio,
    target: TARGET_RATIO,
    pass: ratio !== null && ratio >= TARGET_RATIO,
    riskBarsPerSecond,
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

async function runTalib(notes: string[]): Promise<{ bars: number; seconds: number; barsPerSecond: number } | null> {
  const problem = ensurePythonDeps();
  if (problem) {
    notes.push(`TA-Lib skipped: ${problem}`);
    return null;
  }
  const script = path.join(PROJECT_ROOT, 'scripts', 'talib-bench.py');
  try {
    const { stdout } = await promisify(execFile)(PYTHON, [script, CSV, String(REPEATS)], { encoding: 'utf8' });
    return JSON.parse(stdout) as { bars: number; seconds: number; barsPerSecond: number };
  } catch (error) {
    notes.push(`TA-Lib run failed: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/**
 * The full risk report (ratios, drawdown, rolling metrics, monthly table) of every symbol's closes. Loaded
 * lazily so that the indicator figures survive a risk module that does not load.
 */
async function timeRisk(bars: number, notes: string[]): Promise<number | null> {
  try {
    const { computeRisk } = await import('../domain/finance/risk');
    const prices = loadOhlcv(CSV, true).map((s) => ({ dates: s.dates, prices: Array.from(s.close) }));
    const seconds = bestOf(REPEATS, () => {
      for (const series of prices) if (series.prices.length > 2) computeRisk(series, { periodsPerYear: 252 });
    });
    return bars / seconds;
  } catch (error) {
    notes.push(`risk report skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
}

const mega = (perSecond: number): string => (perSecond / 1e6).toFixed(1);

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
