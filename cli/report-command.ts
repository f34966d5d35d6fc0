/**
 * `iby report <prices.csv> [--symbol S] [--benchmark <csv>] [--fundamentals <companyfacts.json>] [--as-of DATE]
 * --out <dir>`: the five charts (SVG) and the tearsheet (HTML) of one symbol, offline. Exit codes as for
 * `iby analyze`: 1 when the data cannot give an answer, 2 for a bad command line.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InsufficientDataError } from '../domain/finance/risk';
import { PriceFileError } from './analyze-prices';
import { parseArgs, UsageError } from './args';
import { buildReportFiles, type ReportArgs } from './report-build';

export const REPORT_USAGE =
  'usage: iby report <prices.csv> [--symbol S] [--benchmark <csv>] [--fundamentals <companyfacts.json>] ' +
  '[--as-of YYYY-MM-DD] --out <dir>\n' +
  '  writes price.svg, momentum.svg, drawdown.svg, relative.svg, monthly-returns.svg and tearsheet.html\n' +
  '  --as-of  the date of the fundamentals (default: the last bar); the close on that date prices P/E, P/B, …\n';

const EXIT_OK = 0;
const EXIT_DATA = 1;
const EXIT_USAGE = 2;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function readArgs(argv: readonly string[]): ReportArgs | 'help' {
  const parsed = parseArgs(argv, { flags: [], options: ['symbol', 'benchmark', 'fundamentals', 'as-of', 'out'] });
  if (parsed.flags.has('help')) return 'help';
  if (parsed.positionals.length !== 1) {
    throw new UsageError(parsed.positionals.length === 0 ? 'missing the prices CSV file' : 'expected one prices file');
  }
  const out = parsed.options.get('out');
  if (out === undefined) throw new UsageError('missing --out <dir>');
  const asOf = parsed.options.get('as-of');
  if (asOf !== undefined && !(ISO_DATE.test(asOf) && !Number.isNaN(Date.parse(asOf)))) {
    throw new UsageError(`bad --as-of date "${asOf}" (expected YYYY-MM-DD)`);
  }
  return {
    file: parsed.positionals[0],
    symbol: parsed.options.get('symbol'),
    benchmark: parsed.options.get('benchmark'),
    fundamentals: parsed.options.get('fundamentals'),
    asOf,
    out,
  };
}

/** `argv` holds the arguments after `report`. Returns the exit code. */
export async function runReport(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  try {
    const args = readArgs(argv);
    if (args === 'help') {
      out.write(REPORT_USAGE);
      return EXIT_OK;
    }
    const { files, warnings } = await buildReportFiles(args);
    for (const warning of warnings) err.write(`iby report: warning: ${warning}\n`);
    await mkdir(args.out, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const target = path.join(args.out, name);
      await writeFile(target, content, 'utf8');
      out.write(`${target}\n`);
    }
    return EXIT_OK;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      err.write(`iby report: ${message} (see iby report --help)\n`);
      return EXIT_USAGE;
    }
    const known = error instanceof PriceFileError || error instanceof InsufficientDataError;
    err.write(`iby report: ${known ? '' : 'unexpected error: '}${message.split('\n')[0]}\n`);
    return EXIT_DATA;
  }
}
