import { EXIT } from './exit-codes';
import { onePositional, operatorCommand, print } from './operator-command';
import { positiveInteger } from './request-options';
import { watchRun } from './watch-run';

interface RunSummary {
  workflowId: string;
  status: string;
  startTime: string;
  closeTime?: string;
  summary?: string;
}

export const RUNS_USAGE =
  'usage: iby runs [--kind prices|fundamentals|analysis|pipeline] [--status RUNNING|COMPLETED|…] [--limit N] [--json]\n' +
  '  Recent runs, newest first.\n';

export const runRuns = operatorCommand(
  { name: 'runs', usage: RUNS_USAGE, options: ['kind', 'status', 'limit'] },
  async (args, io) => {
    const query = new URLSearchParams();
    query.set('limit', String(positiveInteger(args.options.get('limit') ?? '20', 'limit')));
    const kind = args.options.get('kind');
    if (kind) query.set('kind', kind);
    const status = args.options.get('status');
    if (status) query.set('status', status.toUpperCase());
    const { runs } = await io.api.request<{ runs: RunSummary[] }>('GET', `/v1/runs?${query.toString()}`);
    print(io, { runs }, () =>
      runs.length
        ? runs
            .map((r) => `${r.status.padEnd(10)} ${r.startTime}  ${r.workflowId}  ${r.summary ?? ''}`.trimEnd())
            .join('\n') + '\n'
        : 'no runs\n',
    );
    return EXIT.ok;
  },
);

export const WATCH_USAGE =
  'usage: iby watch <workflowId> [--json]\n  Follows a run with a progress bar until it closes, then prints its result.\n';

export const runWatch = operatorCommand({ name: 'watch', usage: WATCH_USAGE }, (args, io) =>
  watchRun(io, onePositional(args, 'workflowId')),
);

export const CANCEL_USAGE = 'usage: iby cancel <workflowId> [--json]\n  Requests cancellation of a running run.\n';

export const runCancel = operatorCommand({ name: 'cancel', usage: CANCEL_USAGE }, async (args, io) => {
  const id = onePositional(args, 'workflowId');
  const body = await io.api.request<{ workflowId: string; status: string }>(
    'POST',
    `/v1/runs/${encodeURIComponent(id)}/cancel`,
  );
  print(io, body, () => `${body.workflowId}: ${body.status}\n`);
  return EXIT.ok;
});
