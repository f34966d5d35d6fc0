import { readFile } from 'node:fs/promises';
import { fundamentalsDocument, fundamentalsReportOf } from '../application/fundamentals';
import {
  CompanyFactsFormatError,
  type FundamentalsReport,
  isIsoDate,
  parseCompanyFactsJson,
  RATIO_NAMES,
  type RatioName,
} from '../domain/finance/fundamentals';

const USAGE = 'usage: iby fundamentals <companyfacts.json> [--as-of YYYY-MM-DD] [--price P] [--json]';

/** Exit codes: 0 success, 1 the data cannot give an answer (file, format, no 10-K yet), 2 bad command line. */
const EXIT_OK = 0;
const EXIT_DATA = 1;
const EXIT_USAGE = 2;

interface FundamentalsArgs {
  file: string;
  asOf: string;
  price?: number;
  json: boolean;
}

/** A problem to report on one line, with the exit code that goes with it. */
class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const today = (): string => new Date().toISOString().slice(0, 10);

function parseArgs(argv: readonly string[]): FundamentalsArgs | 'help' {
  const positional: string[] = [];
  let asOf: string | undefined;
  let price: string | undefined;
  let json = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++index];
      if (next === undefined) throw new CommandError(`${flag} needs a value`, EXIT_USAGE);
      return next;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--json') json = true;
    else if (flag === '--as-of') asOf = value();
    else if (flag === '--price') price = value();
    else if (flag.startsWith('-') && flag !== '-') throw new CommandError(`unknown option ${flag}`, EXIT_USAGE);
    else positional.push(arg);
  }
  if (positional.length !== 1) {
    throw new CommandError(
      positional.length === 0 ? `missing companyfacts file; ${USAGE}` : `expected one file, got ${positional.length}`,
      EXIT_USAGE,
    );
  }
  if (asOf !== undefined && !isIsoDate(asOf)) {
    throw new CommandError(`bad --as-of date "${asOf}" (expected YYYY-MM-DD)`, EXIT_USAGE);
  }
  return { file: positional[0], asOf: asOf ?? today(), price: parsePrice(price), json };
}

function parsePrice(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const price = Number(text);
  if (text.trim() === '' || !Number.isFinite(price) || price <= 0) {
    throw new CommandError(`bad --price "${text}" (expected a positive number)`, EXIT_USAGE);
  }
  return price;
}

async function readReport(args: FundamentalsArgs): Promise<FundamentalsReport> {
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    throw new CommandError(`cannot read ${args.file}: ${why}`, EXIT_DATA);
  }
  let outcome: ReturnType<typeof fundamentalsReportOf>;
  try {
    outcome = fundamentalsReportOf(parseCompanyFactsJson(text), { asOf: args.asOf, price: args.price });
  } catch (error) {
    if (error instanceof CompanyFactsFormatError) throw new CommandError(`${args.file}: ${error.message}`, EXIT_DATA);
    throw error;
  }
  if ('reason' in outcome) throw new CommandError(`${args.file}: ${outcome.reason}`, EXIT_DATA);
  return outcome.report;
}

/** Ratios that are amounts of money rather than fractions or multiples. */
const MONEY: ReadonlySet<RatioName> = new Set(['free_cash_flow']);

function formatValue(name: RatioName, value: number): string {
  if (MONEY.has(name)) return `$${Math.round(value).toLocaleString('en-US')}`;
  return name === 'piotroski_f' ? String(value) : value.toFixed(4);
}

function formatTable(report: FundamentalsReport): string {
  const { filing } = report;
  const lines = [
    `${report.entityName} (CIK ${report.cik}) — fundamentals as of ${report.asOf}`,
    `from ${filing.form} FY${filing.fy ?? '?'} for the period ending ${filing.periodEnd}, ` +
      `accession ${filing.accn}, filed ${filing.filed}`,
    '',
  ];
  const width = Math.max(...RATIO_NAMES.map((name) => name.length)) + 2;
  for (const name of RATIO_NAMES) {
    const amount = report.ratios[name];
    const value = amount.known ? formatValue(name, amount.value) : 'n/a';
    const note = amount.known ? amount.concepts.join(', ') : amount.reason;
    lines.push(`${name.padEnd(width)}${value.padStart(22)}  ${note}`);
  }
  lines.push('', 'Piotroski signals:');
  for (const signal of report.piotroski.signals) {
    const mark = signal.passed === null ? '?' : signal.passed ? 'x' : ' ';
    lines.push(`  [${mark}] ${signal.name}: ${signal.detail}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `iby fundamentals <companyfacts.json> [--as-of YYYY-MM-DD] [--price P] [--json]`. `argv` holds the arguments after
 * the subcommand name. Prints annual ratios from the latest 10-K filed by the as-of date (default today, UTC).
 */
export async function runFundamentals(
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args === 'help') {
      out.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    const report = await readReport(args);
    out.write(args.json ? `${JSON.stringify(fundamentalsDocument(report), null, 2)}\n` : formatTable(report));
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CommandError) {
      err.write(`iby fundamentals: ${error.message}\n`);
      return error.exitCode;
    }
    err.write(`iby fundamentals: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_DATA;
  }
}
