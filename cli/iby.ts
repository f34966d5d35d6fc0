/** `iby <command> …`: the project's command line. Each command is a function that returns its exit code. */
import { runAnalyze } from './analyze-command';
import { runFundamentals } from './fundamentals-command';
import { runReport } from './report-command';

type Command = (argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  analyze: { run: runAnalyze, summary: 'indicators, risk/performance and trend of a price CSV' },
  fundamentals: { run: runFundamentals, summary: 'annual ratios from an SEC companyfacts JSON' },
  report: { run: runReport, summary: 'charts (SVG) and a tearsheet (HTML) of a price CSV' },
};

export const USAGE =
  'usage: iby <command> [options]   (iby <command> --help for its options)\n\ncommands:\n' +
  Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`)
    .join('\n') +
  '\n';

export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? err : out).write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    err.write(`iby: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  return command.run(rest, out, err);
}

/**
 * Run when this file is the program: directly (`node dist/cli/iby.js`) or through the `bin/iby.js` shim, which only
 * requires it. Importing it (tests) runs nothing.
 */
const isProgram = require.main === module || /[\\/]bin[\\/]iby(\.js)?$/.test(require.main?.filename ?? '');
if (isProgram) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`iby: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
