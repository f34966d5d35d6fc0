/** `iby <command> …`: the project's command line. Each command is a function that returns its exit code. */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { runAnalyze } from './analyze-command';
import { EXIT_CODES_HELP } from './exit-codes';
import { runFundamentals } from './fundamentals-command';
import { runRun } from './run-command';
import { runCancel, runRuns, runWatch } from './runs-commands';
import { runSchedule } from './schedule-command';
import { runReport } from './report-command';

type Command = (
  argv: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  env?: NodeJS.ProcessEnv,
) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  analyze: { run: runAnalyze, summary: 'indicators, risk/performance and trend of a price CSV' },
  fundamentals: { run: runFundamentals, summary: 'annual ratios from an SEC companyfacts JSON' },
  run: { run: runRun, summary: 'start a prices|fundamentals|analysis|pipeline run and follow it' },
  runs: { run: runRuns, summary: 'recent runs (--kind, --status)' },
  watch: { run: runWatch, summary: 'follow a run with a progress bar until it closes' },
  cancel: { run: runCancel, summary: 'cancel a running run' },
  schedule: { run: runSchedule, summary: 'list|show|create|update|pause|unpause|trigger|backfill|delete schedules' },
  report: { run: runReport, summary: 'charts (SVG) and a tearsheet (HTML) of a price CSV' },
};

export const USAGE =
  'usage: iby <command> [options]   (iby <command> --help for its options; --json on every command)\n\ncommands:\n' +
  Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(14)}${c.summary}`)
    .join('\n') +
  '\n\nanalyze and fundamentals work on files, without a server; the others talk to the API at IBY_API_URL\n' +
  '(default http://127.0.0.1:3000) with the key in IBY_API_KEY.\n\n' +
  EXIT_CODES_HELP;

/** The package version, read at run time so it never drifts from package.json. */
function version(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    out.write(`iby ${version()}\n`);
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? err : out).write(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    err.write(`iby: unknown command "${name}"\n${USAGE}`);
    return 2;
  }
  return command.run(rest, out, err, env);
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
