/**
 * `iby analyze <prices.csv> [--symbol S] [--benchmark <csv>] [--indicators LIST] [--periods-per-year N] [--json]`:
 * indicators, risk and performance (against a benchmark if given) and trend of one symbol's daily (or weekly, …)
 * bars. Every failure is one line on stderr and a non-zero exit code.
 */
import { computeIndicator, DEFAULT_INDICATORS } from '../domain/finance/indicators';
import { InsufficientDataError } from '../domain/finance/risk';
import { buildAnalysisDocument, pickAnalyzeJson } from '../application/analysis';
import { PriceFileError, readSymbolBars } from './analyze-prices';
import { formatAnalysis } from './analyze-text';
import { parseArgs, UsageError } from './args';

export const ANALYZE_USAGE =
  'usage: iby analyze <prices.csv> [--symbol S] [--benchmark <csv>] [--indicators LIST] [--periods-per-year N] [--json]\n' +
  `  --indicators  comma-separated names (default ${DEFAULT_INDICATORS.join(',')})\n` +
  '  --periods-per-year  bars per year for annualising (default: inferred from the dates, 252 for daily bars)\n';

/** Exit codes, as for `iby fundamentals`: the data cannot give an answer (1), or the command line is wrong (2). */
const EXIT_OK = 0;
const EXIT_DATA = 1;
const EXIT_USAGE = 2;

interface AnalyzeArgs {
  file: string;
  symbol?: string;
  benchmark?: string;
  indicators: string[];
  periodsPerYear?: number;
  json: boolean;
}

/** Refuses an unknown indicator or a bad parameter (`sma_0`) before any file is read: one bar is enough, since an
 * indicator checks its name and parameters before it looks at the data. */
function checkIndicator(name: string): void {
  const one = Float64Array.of(1);
  try {
    computeIndicator(name, { open: one, high: one, low: one, close: one, volume: one });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : `bad indicator ${name}`);
  }
}

function readArgs(argv: readonly string[]): AnalyzeArgs | 'help' {
  const parsed = parseArgs(argv, {
    flags: ['json'],
    options: ['symbol', 'benchmark', 'indicators', 'periods-per-year'],
  });
  if (parsed.flags.has('help')) return 'help';
  if (parsed.positionals.length !== 1) {
    throw new UsageError(parsed.positionals.length === 0 ? 'missing the prices CSV file' : 'expected one prices file');
  }
  const list = parsed.options.get('indicators');
  const indicators = list === undefined ? [...DEFAULT_INDICATORS] : list.split(',').map((s) => s.trim());
  indicators.forEach(checkIndicator);
  const periods = parsed.options.get('periods-per-year');
  if (periods !== undefined && !(Number(periods) > 0 && Number.isFinite(Number(periods)))) {
    throw new UsageError(`bad --periods-per-year "${periods}" (expected a positive number)`);
  }
  return {
    file: parsed.positionals[0],
    symbol: parsed.options.get('symbol'),
    benchmark: parsed.options.get('benchmark'),
    indicators,
    periodsPerYear: periods === undefined ? undefined : Number(periods),
    json: parsed.flags.has('json'),
  };
}

async function analyze(args: AnalyzeArgs, err: NodeJS.WritableStream): Promise<string> {
  const { symbol, bars, rejected } = await readSymbolBars(args.file, args.symbol);
  // The analysis goes on without them, but a reader must know the series has holes.
  if (rejected > 0) err.write(`iby analyze: warning: ${args.file}: ${rejected} invalid rows left out\n`);
  const benchmark = args.benchmark === undefined ? null : await readSymbolBars(args.benchmark);
  let built;
  try {
    built = await buildAnalysisDocument({
      series: { symbol, bars },
      benchmark,
      indicators: args.indicators,
      periodsPerYear: args.periodsPerYear,
    });
  } catch (error) {
    // Too few bars is a fact about the file: say which.
    if (error instanceof InsufficientDataError && error.message.startsWith('too few bars')) {
      throw new InsufficientDataError(`${args.file}: ${error.message}`);
    }
    throw error;
  }
  return args.json ? `${JSON.stringify(pickAnalyzeJson(built.document))}\n` : formatAnalysis(built.analysis);
}

/** `argv` holds the arguments after `analyze`. Returns the exit code. */
export async function runAnalyze(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  try {
    const args = readArgs(argv);
    if (args === 'help') {
      out.write(ANALYZE_USAGE);
      return EXIT_OK;
    }
    out.write(await analyze(args, err));
    return EXIT_OK;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      err.write(`iby analyze: ${message} (see iby analyze --help)\n`);
      return EXIT_USAGE;
    }
    const known = error instanceof PriceFileError || error instanceof InsufficientDataError;
    err.write(`iby analyze: ${known ? '' : 'unexpected error: '}${message.split('\n')[0]}\n`);
    return EXIT_DATA;
  }
}
