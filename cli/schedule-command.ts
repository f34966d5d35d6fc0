import type { ScheduleListItem, ScheduleRequest, ScheduleUpdate, ScheduleView } from '../contracts';
import { UsageError, type ParsedArgs } from './args';
import { EXIT } from './exit-codes';
import { onePositional, operatorCommand, print, type OperatorIo } from './operator-command';
import { REQUEST_HELP, REQUEST_OPTIONS, requestFrom } from './request-options';

export const SCHEDULE_USAGE =
  'usage: iby schedule <subcommand> [options] [--json]\n' +
  '  list                                  every schedule\n' +
  '  show <id>                             spec, next times, recent runs with their status\n' +
  '  create --id ID --kind KIND (--at HH:MM [--days MON-FRI] | --cron EXPR) [request options] [schedule options]\n' +
  '  update <id> [--kind KIND] [--at … --days … | --cron …] [request options] [schedule options]\n' +
  '  create-default [--id ID] [request options]   the daily pipeline, weekdays 18:30 America/New_York\n' +
  '  pause <id> [--note TEXT] | unpause <id> [--note TEXT] | pause-all | unpause-all\n' +
  '  trigger <id> [--overlap P]            run the action now\n' +
  '  backfill <id> --from DATE --to DATE [--overlap P]   one run per scheduled time in the range\n' +
  '  delete <id>\n' +
  'schedule options:\n' +
  '  --timezone TZ (default America/New_York)  --overlap skip|buffer_one|buffer_all|cancel_other|terminate_other|allow_all\n' +
  '  --catchup-window "1 day"  --pause-on-failure  --paused  --note TEXT\n' +
  'request options (the run request of the action):\n' +
  REQUEST_HELP;

const SCHEDULE_OPTIONS = ['id', 'kind', 'at', 'days', 'cron', 'timezone', 'overlap', 'catchup-window', 'note'];

const path = (id: string, action = '') => `/v1/schedules/${encodeURIComponent(id)}${action}`;

export const runSchedule = operatorCommand(
  {
    name: 'schedule',
    usage: SCHEDULE_USAGE,
    flags: ['pause-on-failure', 'paused'],
    options: [...SCHEDULE_OPTIONS, 'from', ...REQUEST_OPTIONS.filter((o) => o !== 'from')],
  },
  async (args, io) => {
    const [sub] = args.positionals;
    const id = () => onePositional(args, 'schedule id', 1);
    const note = args.options.has('note') ? { note: args.options.get('note') } : {};
    switch (sub) {
      case 'list': {
        const { schedules } = await io.api.request<{ schedules: ScheduleListItem[] }>('GET', '/v1/schedules');
        print(io, { schedules }, () => formatList(schedules));
        return EXIT.ok;
      }
      case 'show':
        return show(io, await io.api.request<ScheduleView>('GET', path(id())));
      case 'create':
        return show(io, await io.api.request<ScheduleView>('POST', '/v1/schedules', createBody(args)));
      case 'update':
        return show(io, await io.api.request<ScheduleView>('PATCH', path(id()), updateBody(args)));
      case 'create-default': {
        const body = { ...(args.options.has('id') ? { id: args.options.get('id') } : {}), request: requestFrom(args) };
        return show(io, await io.api.request<ScheduleView>('POST', '/v1/schedules/default', body));
      }
      case 'pause':
      case 'unpause':
        return show(io, await io.api.request<ScheduleView>('POST', path(id(), `/${sub}`), note));
      case 'pause-all':
      case 'unpause-all': {
        const body = await io.api.request<{ schedules: string[] }>('POST', `/v1/schedules/${sub}`, note);
        const verb = sub === 'pause-all' ? 'paused' : 'unpaused';
        print(io, body, () => `${verb}: ${body.schedules.length ? body.schedules.join(', ') : 'none'}\n`);
        return EXIT.ok;
      }
      case 'trigger': {
        const overlap = args.options.get('overlap');
        const body = await io.api.request<object>('POST', path(id(), '/trigger'), overlap ? { overlap } : {});
        print(io, body, () => `triggered ${id()}\n`);
        return EXIT.ok;
      }
      case 'backfill': {
        const from = args.options.get('from');
        const to = args.options.get('to');
        if (!from || !to) throw new UsageError('backfill needs --from and --to');
        const overlap = args.options.get('overlap');
        const body = await io.api.request<{ start: string; end: string }>('POST', path(id(), '/backfill'), {
          from,
          to,
          ...(overlap ? { overlap } : {}),
        });
        print(io, body, () => `backfilling ${id()}: scheduled times after ${body.start} up to ${body.end}\n`);
        return EXIT.ok;
      }
      case 'delete': {
        await io.api.request('DELETE', path(id()));
        print(io, { id: id(), deleted: true }, () => `deleted ${id()}\n`);
        return EXIT.ok;
      }
      default:
        throw new UsageError(sub === undefined ? 'missing the subcommand' : `unknown subcommand "${sub}"`);
    }
  },
);

function show(io: OperatorIo, view: ScheduleView): number {
  print(io, view, () => formatView(view));
  return EXIT.ok;
}

/** The schedule fields given on the command line (none of them required here: the API says what is missing). */
function scheduleFields(args: ParsedArgs): ScheduleUpdate {
  const fields: ScheduleUpdate = {};
  const at = args.options.get('at');
  if (at !== undefined) {
    const match = /^(\d{1,2}):(\d{2})$/.exec(at);
    if (!match) throw new UsageError(`--at must be HH:MM, not "${at}"`);
    fields.calendar = { hour: Number(match[1]), minute: Number(match[2]) };
    const days = args.options.get('days');
    if (days) fields.calendar.dayOfWeek = days;
  } else if (args.options.has('days')) throw new UsageError('--days needs --at');
  const text = (flag: string) => args.options.get(flag);
  if (text('cron') !== undefined) fields.cron = text('cron');
  if (text('timezone') !== undefined) fields.timezone = text('timezone');
  if (text('overlap') !== undefined) fields.overlap = text('overlap') as ScheduleUpdate['overlap'];
  if (text('catchup-window') !== undefined) fields.catchupWindow = text('catchup-window');
  if (text('note') !== undefined) fields.note = text('note');
  if (args.flags.has('pause-on-failure')) fields.pauseOnFailure = true;
  if (args.flags.has('paused')) fields.paused = true;
  return fields;
}

function createBody(args: ParsedArgs): ScheduleRequest {
  const id = args.options.get('id');
  const kind = args.options.get('kind');
  if (!id) throw new UsageError('create needs --id');
  if (!kind) throw new UsageError('create needs --kind');
  return {
    id,
    action: { kind: kind as ScheduleRequest['action']['kind'], request: requestFrom(args) ?? {} },
    ...scheduleFields(args),
  };
}

function updateBody(args: ParsedArgs): ScheduleUpdate {
  const body = scheduleFields(args);
  const request = requestFrom(args);
  const kind = args.options.get('kind');
  if (kind || request) {
    if (!kind || !request) throw new UsageError('changing the action needs --kind and its request options together');
    body.action = { kind: kind as ScheduleRequest['action']['kind'], request };
  }
  return body;
}

function formatList(schedules: ScheduleListItem[]): string {
  if (!schedules.length) return 'no schedules\n';
  return (
    schedules
      .map((s) => {
        const state = s.paused ? 'paused' : 'active';
        const next = s.nextActionTimes[0] ?? '-';
        return `${s.id.padEnd(24)} ${state.padEnd(7)} ${(s.kind ?? s.workflowType ?? '?').padEnd(13)} next ${next}`;
      })
      .join('\n') + '\n'
  );
}

function formatView(view: ScheduleView): string {
  const when = view.spec.cron
    ? `cron "${view.spec.cron}"`
    : view.spec.calendar
      ? `${String(view.spec.calendar.hour).padStart(2, '0')}:${String(view.spec.calendar.minute).padStart(2, '0')} ${view.spec.calendar.dayOfWeek ?? 'daily'}`
      : 'custom spec';
  const lines = [
    `${view.id}  ${view.paused ? 'PAUSED' : 'active'}${view.note ? `  (${view.note})` : ''}`,
    `  when:     ${when} ${view.spec.timezone}`,
    `  action:   ${view.action.kind ?? view.action.workflowType} ${JSON.stringify(view.action.request)}`,
    `  policies: overlap ${view.overlap}, catch-up ${view.catchupWindow}${view.pauseOnFailure ? ', pause on failure' : ''}`,
    `  next:     ${view.nextActionTimes.slice(0, 3).join(', ') || '-'}`,
    `  taken:    ${view.actionsTaken} (missed catch-up window: ${view.missedCatchupWindow}, skipped overlap: ${view.skippedOverlap})`,
  ];
  for (const action of view.recentActions)
    lines.push(`  ${action.scheduledAt}  ${action.status.padEnd(10)} ${action.workflowId}`);
  return `${lines.join('\n')}\n`;
}
