import { SCHEDULE_ACTION_KINDS } from '../contracts';
import { UsageError } from './args';
import { EXIT } from './exit-codes';
import { onePositional, operatorCommand } from './operator-command';
import { REQUEST_HELP, REQUEST_OPTIONS, requestFrom } from './request-options';
import { watchRun } from './watch-run';

/** The run kinds and the API route that starts each. */
const RUN_KINDS = SCHEDULE_ACTION_KINDS;

export const RUN_USAGE =
  `usage: iby run <${RUN_KINDS.join('|')}> [request options] [--no-wait] [--json]\n` +
  '  Starts a run through the API (IBY_API_URL, IBY_API_KEY), shows its progress and prints its result.\n' +
  REQUEST_HELP +
  '  --no-wait   print the started run and return\n' +
  'example: iby run prices --source csv --path ../shared/data/ohlcv/all_stocks_5yr.csv --symbols AAPL,MSFT\n';

interface StartedRun {
  workflowId: string;
  runId: string;
  statusUrl: string;
  temporalUiUrl: string;
}

export const runRun = operatorCommand(
  { name: 'run', usage: RUN_USAGE, flags: ['no-wait'], options: REQUEST_OPTIONS },
  async (args, io) => {
    const kind = onePositional(args, 'run kind');
    if (!(RUN_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`unknown run kind "${kind}" (expected ${RUN_KINDS.join(', ')})`);
    const started = await io.api.request<StartedRun>('POST', `/v1/runs/${kind}`, requestFrom(args) ?? {});
    if (args.flags.has('no-wait')) {
      io.out.write(io.json ? `${JSON.stringify(started, null, 2)}\n` : `${started.workflowId}\n`);
      return EXIT.ok;
    }
    io.err.write(`started ${started.workflowId}  (${started.temporalUiUrl})\n`);
    return watchRun(io, started.workflowId);
  },
);
