import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ScheduleView } from '../../contracts';
import { main } from '../../cli/iby';
import { runCaptured } from '../../cli/test-support';
import { eventually, SCHEDULES_API_KEY, startSchedulesStack, type SchedulesStack } from '../support/schedules-app';
import { sharedData } from '../support/shared-data';

const AAPL = sharedData('ohlcv', 'AAPL_2013-02-08_2018-02-07.csv');
const suffix = randomBytes(3).toString('hex');
let stack: SchedulesStack;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  stack = await startSchedulesStack();
  await stack.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = stack.app.server.address() as AddressInfo;
  env = { IBY_API_URL: `http://127.0.0.1:${port}`, IBY_API_KEY: SCHEDULES_API_KEY, IBY_POLL_MS: '100' };
});

afterAll(async () => {
  await stack?.stop();
});

/** `iby …` in-process against the real API over HTTP. */
const iby = (argv: string[], overrides: NodeJS.ProcessEnv = {}) =>
  runCaptured((args, out, err) => main(args, out, err, { ...env, ...overrides }), argv);

const AAPL_WEEK = ['--source', 'csv', '--path', AAPL, '--symbol', 'AAPL', '--from', '2018-01-22'];

describe('iby operator commands against the API', () => {
  let workflowId: string;

  it('runs prices with a progress bar and prints the result', async () => {
    const { code, out, err } = await iby(['run', 'prices', ...AAPL_WEEK, '--to', '2018-02-02']);
    expect(err).toMatch(/^started (prices-\S+)/);
    workflowId = /^started (\S+)/.exec(err)![1];
    // The last line of the bar: every batch done, the exact rows of the range (1259 in the file, 1249 outside it).
    expect(err).toMatch(/\[#{24}\] 1\/1 batches · 10 rows \((done|completed)\)\n$/);
    expect(code).toBe(0);
    expect(out).toContain(`${workflowId}: COMPLETED`);
    expect(out).toMatch(/^ {2}rowsLoaded: 10$/m);
    expect(out).toMatch(/^ {2}rowsFiltered: 1249$/m);
  });

  it('watches, lists and refuses to cancel a closed run, as JSON too', async () => {
    const watched = await iby(['watch', workflowId, '--json']);
    expect(watched.code).toBe(0);
    const status = JSON.parse(watched.out) as { status: string; result: { rowsLoaded: number } };
    expect(status).toMatchObject({ status: 'COMPLETED', result: { rowsLoaded: 10 } });

    const listed = await eventually(async () => {
      const { code, out } = await iby(['runs', '--kind', 'prices', '--json']);
      expect(code).toBe(0);
      const runs = (JSON.parse(out) as { runs: { workflowId: string; status: string }[] }).runs;
      return runs.some((r) => r.workflowId === workflowId) ? runs : undefined;
    }, 'the run in iby runs');
    expect(listed.find((r) => r.workflowId === workflowId)?.status).toBe('COMPLETED');
    const text = await iby(['runs']);
    expect(text.out).toMatch(new RegExp(`^COMPLETED .*${workflowId}`, 'm'));

    const cancel = await iby(['cancel', workflowId]);
    expect(cancel.code).toBe(3);
    expect(cancel.err).toBe(`iby cancel: 409 run ${workflowId} is COMPLETED, not RUNNING\n`);
  });

  it('manages a schedule: create, show, backfill, pause, unpause, trigger, delete', async () => {
    const id = `cli-${suffix}`;
    const created = await iby([
      'schedule',
      'create',
      '--id',
      id,
      '--kind',
      'prices',
      '--at',
      '21:00',
      '--days',
      'MON-FRI',
      ...AAPL_WEEK,
      '--paused',
      '--note',
      'from the CLI',
      '--json',
    ]);
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect(JSON.parse(created.out)).toMatchObject({
      id,
      paused: true,
      note: 'from the CLI',
      spec: { calendar: { hour: 21, minute: 0, dayOfWeek: 'MON-FRI' }, timezone: 'America/New_York' },
      action: { kind: 'prices', request: { symbol: 'AAPL', from: '2018-01-22' } },
    });

    const backfill = await iby(['schedule', 'backfill', id, '--from', '2018-01-29', '--to', '2018-01-30']);
    expect(backfill.code).toBe(0);
    expect(backfill.out).toMatch(new RegExp(`^backfilling ${id}: scheduled times after 2018-01-29T04:59:59.999Z`));
    const view = await eventually(async () => {
      const { out } = await iby(['schedule', 'show', id, '--json']);
      const body = JSON.parse(out) as ScheduleView;
      return body.recentActions.length === 2 && body.recentActions.every((a) => a.status === 'COMPLETED')
        ? body
        : undefined;
    }, 'two backfilled runs');
    expect(view.recentActions.map((a) => a.scheduledAt).sort()).toEqual([
      '2018-01-30T02:00:00.000Z',
      '2018-01-31T02:00:00.000Z',
    ]);
    const shown = await iby(['schedule', 'show', id]);
    expect(shown.out).toContain(`${id}  PAUSED  (from the CLI)`);
    expect(shown.out).toContain('  when:     21:00 MON-FRI America/New_York');
    expect(shown.out).toMatch(/2018-01-30T02:00:00.000Z {2}COMPLETED/);

    expect((await iby(['schedule', 'unpause', id])).out).toMatch(new RegExp(`^${id} {2}active`));
    expect((await iby(['schedule', 'pause', id, '--note', 'hold'])).out).toMatch(
      new RegExp(`^${id} {2}PAUSED {2}\\(hold\\)`),
    );
    const trigger = await iby(['schedule', 'trigger', id]);
    expect(trigger).toMatchObject({ code: 0, out: `triggered ${id}\n` });
    await eventually(async () => {
      const { out } = await iby(['schedule', 'show', id, '--json']);
      const { recentActions } = JSON.parse(out) as ScheduleView;
      return recentActions.length === 3 && recentActions.every((a) => a.status === 'COMPLETED') ? true : undefined;
    }, 'the triggered run, completed');

    const list = await eventually(async () => {
      const { out } = await iby(['schedule', 'list']);
      return out.includes(id) ? out : undefined;
    }, 'the schedule in the list');
    expect(list).toMatch(new RegExp(`^${id}\\s+paused\\s+prices\\s+next `, 'm'));

    expect(await iby(['schedule', 'delete', id])).toMatchObject({ code: 0, out: `deleted ${id}\n` });
    const gone = await iby(['schedule', 'show', id]);
    expect(gone.code).toBe(3);
    expect(gone.err).toBe(`iby schedule: 404 no schedule with id ${id}\n`);
  });

  it('says why create-default needs a pipeline request, and maps every failure to its documented exit code', async () => {
    const def = await iby(['schedule', 'create-default']);
    expect(def.code).toBe(3);
    expect(def.err).toMatch(/^iby schedule: 400 body\/action\/request .*prices/);

    const noKey = await iby(['schedule', 'list'], { IBY_API_KEY: '' });
    expect(noKey).toMatchObject({ code: 3, out: '' });
    expect(noKey.err).toBe('iby schedule: 401 a valid x-api-key header is required (set IBY_API_KEY)\n');

    const down = await iby(['runs'], { IBY_API_URL: 'http://127.0.0.1:9' });
    expect(down.code).toBe(4);
    expect(down.err).toMatch(/^iby runs: cannot reach the API at http:\/\/127.0.0.1:9 .*set IBY_API_URL\n$/);

    const usage = await iby(['schedule', 'frobnicate']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/^iby schedule: unknown subcommand "frobnicate"\nusage: iby schedule/);
    const badKind = await iby(['run', 'dividends']);
    expect(badKind.code).toBe(2);
    expect(badKind.err).toMatch(/^iby run: unknown run kind "dividends"/);
    const badJson = await iby(['run', 'prices', '--request', '{nope']);
    expect(badJson.code).toBe(2);
    expect(badJson.err).toMatch(/^iby run: --request is not valid JSON/);

    const refused = await iby(['run', 'prices', '--source', 'csv']);
    expect(refused.code).toBe(3);
    expect(refused.err).toBe('iby run: 400 body/path is required when source is csv\n');
  });
});
